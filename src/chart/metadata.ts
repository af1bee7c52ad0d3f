/**
 * Chart metadata (pkg/chart metadata.go, dependency.go): the Chart.yaml model, its decoding and
 * validation with Helm's messages (`validation: chart.metadata.name is required`).
 */

import { compareStrings, quote as goQuote } from '@capstan/strconv';
import type { StructSpec } from './go-struct-decode.ts';
import { isValidSemver } from './semver-version.ts';
import type { Value, Values } from './values.ts';

export const API_VERSION_V1 = 'v1';
export const API_VERSION_V2 = 'v2';

export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** A dependency from Chart.yaml (v2) or requirements.yaml (v1). */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[] | null;
  enabled: boolean;
  /** `import-values`: strings or {child, parent} maps */
  importValues: Value[] | null;
  alias: string;
}

/** Chart.yaml (chart.Metadata). Empty strings / null mean "absent", as Go's zero values. */
export interface Metadata {
  name: string;
  home: string;
  sources: string[] | null;
  version: string;
  description: string;
  keywords: string[] | null;
  maintainers: (Maintainer | null)[] | null;
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Map<string, string> | null;
  kubeVersion: string;
  dependencies: (Dependency | null)[] | null;
  type: string;
}

export interface Lock {
  /** RFC 3339 text as written in the lock file ('' when absent) */
  generated: string;
  digest: string;
  dependencies: (Dependency | null)[] | null;
}

const STR = { t: 'string' } as const;

export const MAINTAINER_SPEC: StructSpec = {
  goType: 'chart.Maintainer',
  fields: [
    { json: 'name', prop: 'name', spec: STR },
    { json: 'email', prop: 'email', spec: STR },
    { json: 'url', prop: 'url', spec: STR },
  ],
};

export const DEPENDENCY_SPEC: StructSpec = {
  goType: 'chart.Dependency',
  fields: [
    { json: 'name', prop: 'name', spec: STR },
    { json: 'version', prop: 'version', spec: STR },
    { json: 'repository', prop: 'repository', spec: STR },
    { json: 'condition', prop: 'condition', spec: STR },
    { json: 'tags', prop: 'tags', spec: { t: 'slice', elem: STR, goType: '[]string' } },
    { json: 'enabled', prop: 'enabled', spec: { t: 'bool' } },
    { json: 'import-values', prop: 'importValues', spec: { t: 'slice', elem: { t: 'any' }, goType: '[]interface {}' } },
    { json: 'alias', prop: 'alias', spec: STR },
  ],
};

const DEPENDENCIES = {
  t: 'slice',
  elem: { t: 'struct', struct: DEPENDENCY_SPEC, pointer: true },
  goType: '[]*chart.Dependency',
} as const;

export const METADATA_SPEC: StructSpec = {
  goType: 'chart.Metadata',
  fields: [
    { json: 'name', prop: 'name', spec: STR },
    { json: 'home', prop: 'home', spec: STR },
    { json: 'sources', prop: 'sources', spec: { t: 'slice', elem: STR, goType: '[]string' } },
    { json: 'version', prop: 'version', spec: STR },
    { json: 'description', prop: 'description', spec: STR },
    { json: 'keywords', prop: 'keywords', spec: { t: 'slice', elem: STR, goType: '[]string' } },
    {
      json: 'maintainers',
      prop: 'maintainers',
      spec: { t: 'slice', elem: { t: 'struct', struct: MAINTAINER_SPEC, pointer: true }, goType: '[]*chart.Maintainer' },
    },
    { json: 'icon', prop: 'icon', spec: STR },
    { json: 'apiVersion', prop: 'apiVersion', spec: STR },
    { json: 'condition', prop: 'condition', spec: STR },
    { json: 'tags', prop: 'tags', spec: STR },
    { json: 'appVersion', prop: 'appVersion', spec: STR },
    { json: 'deprecated', prop: 'deprecated', spec: { t: 'bool' } },
    { json: 'annotations', prop: 'annotations', spec: { t: 'map', elem: STR, goType: 'map[string]string' } },
    { json: 'kubeVersion', prop: 'kubeVersion', spec: STR },
    { json: 'dependencies', prop: 'dependencies', spec: DEPENDENCIES },
    { json: 'type', prop: 'type', spec: STR },
  ],
};

export const LOCK_SPEC: StructSpec = {
  goType: 'chart.Lock',
  fields: [
    { json: 'generated', prop: 'generated', spec: STR },
    { json: 'digest', prop: 'digest', spec: STR },
    { json: 'dependencies', prop: 'dependencies', spec: DEPENDENCIES },
  ],
};

/** chart.ValidationError: printed as `validation: <msg>`. */
export class ValidationError extends Error {
  constructor(msg: string) {
    super(`validation: ${msg}`);
    this.name = 'ValidationError';
  }
}

const SPACE_RE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Spaces become ' ', other non-printable runes are dropped (metadata.go sanitizeString). */
export function sanitizeString(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SPACE_RE.test(ch)) out += ' ';
    else if (PRINT_RE.test(ch)) out += ch;
  }
  return out;
}

const ALIAS_RE = /^[a-zA-Z0-9_-]+$/;

/** Dependency.Validate (sanitises in place). */
export function validateDependency(d: Dependency | null): void {
  if (d === null) throw new ValidationError('dependencies must not contain empty or null nodes');
  d.name = sanitizeString(d.name);
  d.version = sanitizeString(d.version);
  d.repository = sanitizeString(d.repository);
  d.condition = sanitizeString(d.condition);
  if (d.tags) d.tags = d.tags.map(sanitizeString);
  if (d.alias !== '' && !ALIAS_RE.test(d.alias)) {
    throw new ValidationError(`dependency ${goQuote(d.name)} has disallowed characters in the alias`);
  }
}

function baseName(p: string): string {
  // path/filepath.Base on Unix
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const i = trimmed.lastIndexOf('/');
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** Metadata.Validate (sanitises in place), with Helm's messages. */
export function validateMetadata(md: Metadata | null): void {
  if (md === null) throw new ValidationError('chart.metadata is required');
  md.name = sanitizeString(md.name);
  md.description = sanitizeString(md.description);
  md.home = sanitizeString(md.home);
  md.icon = sanitizeString(md.icon);
  md.condition = sanitizeString(md.condition);
  md.tags = sanitizeString(md.tags);
  md.appVersion = sanitizeString(md.appVersion);
  md.kubeVersion = sanitizeString(md.kubeVersion);
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);

  if (md.apiVersion === '') throw new ValidationError('chart.metadata.apiVersion is required');
  if (md.name === '') throw new ValidationError('chart.metadata.name is required');
  if (md.name !== baseName(md.name)) throw new ValidationError(`chart.metadata.name ${goQuote(md.name)} is invalid`);
  if (md.version === '') throw new ValidationError('chart.metadata.version is required');
  if (!isValidSemver(md.version)) throw new ValidationError(`chart.metadata.version ${goQuote(md.version)} is invalid`);
  if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    throw new ValidationError('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers ?? []) {
    if (m === null) throw new ValidationError('maintainers must not contain empty or null nodes');
    m.name = sanitizeString(m.name);
    m.email = sanitizeString(m.email);
    m.url = sanitizeString(m.url);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    validateDependency(d);
    const key = d!.alias !== '' ? d!.alias : d!.name;
    if (seen.has(key)) throw new ValidationError(`more than one dependency with name or alias ${goQuote(key)}`);
    seen.add(key);
  }
}

/** A shallow copy of metadata (Go's `md := *c.Metadata`): slices and maps are shared. */
export function copyMetadata(md: Metadata): Metadata {
  return { ...md };
}

/** encoding/json of a chart.Dependency (field order and omitempty as Go's struct tags). */
export function dependencyToJson(d: Dependency): Values {
  const m: Values = new Map();
  m.set('name', d.name);
  if (d.version !== '') m.set('version', d.version);
  m.set('repository', d.repository);
  if (d.condition !== '') m.set('condition', d.condition);
  if (d.tags && d.tags.length > 0) m.set('tags', [...d.tags]);
  if (d.enabled) m.set('enabled', true);
  if (d.importValues && d.importValues.length > 0) m.set('import-values', [...d.importValues]);
  if (d.alias !== '') m.set('alias', d.alias);
  return m;
}

/** encoding/json of a chart.Metadata (field order and omitempty as Go's struct tags; map keys sorted). */
export function metadataToJson(md: Metadata): Values {
  const m: Values = new Map();
  const str = (k: string, v: string) => {
    if (v !== '') m.set(k, v);
  };
  str('name', md.name);
  str('home', md.home);
  if (md.sources && md.sources.length > 0) m.set('sources', [...md.sources]);
  str('version', md.version);
  str('description', md.description);
  if (md.keywords && md.keywords.length > 0) m.set('keywords', [...md.keywords]);
  if (md.maintainers && md.maintainers.length > 0) {
    m.set(
      'maintainers',
      md.maintainers.map((x) => {
        if (x === null) return null;
        const o: Values = new Map();
        if (x.name !== '') o.set('name', x.name);
        if (x.email !== '') o.set('email', x.email);
        if (x.url !== '') o.set('url', x.url);
        return o;
      }),
    );
  }
  str('icon', md.icon);
  str('apiVersion', md.apiVersion);
  str('condition', md.condition);
  str('tags', md.tags);
  str('appVersion', md.appVersion);
  if (md.deprecated) m.set('deprecated', true);
  if (md.annotations && md.annotations.size > 0) {
    const a: Values = new Map();
    for (const k of [...md.annotations.keys()].sort(compareStrings)) a.set(k, md.annotations.get(k)!);
    m.set('annotations', a);
  }
  str('kubeVersion', md.kubeVersion);
  if (md.dependencies && md.dependencies.length > 0) {
    m.set('dependencies', md.dependencies.map((d) => (d === null ? null : dependencyToJson(d))));
  }
  str('type', md.type);
  return m;
}
