/** Building the release record from a chart, the user's values and the render result. */
import type { Chart } from '../chart/chart.ts';
import type { Dependency as ChartDependency, Metadata } from '../chart/metadata.ts';
import type { Values } from '../chart/values.ts';
import { releaseManifest, type RenderResult } from '../render/template-output.ts';
import { goTimeNow, parseGoTime, type ChartMetadata, type Dependency, type Hook, type Release, type ReleaseStatus, type StoredChart } from '../release/index.ts';

const opt = <T>(v: T | '' | null | undefined | false): T | undefined => (v === '' || v === null || v === false ? undefined : v);

function dependency(d: ChartDependency): Dependency {
  const out: Dependency = { name: d.name, repository: d.repository };
  const set = <K extends keyof Dependency>(k: K, v: Dependency[K] | undefined): void => { if (v !== undefined) out[k] = v; };
  set('version', opt(d.version));
  set('condition', opt(d.condition));
  set('tags', opt(d.tags) ?? undefined);
  if (d.enabled) out.enabled = true;
  set('import-values', opt(d.importValues) ?? undefined);
  set('alias', opt(d.alias));
  return out;
}

export function storedMetadata(m: Metadata): ChartMetadata {
  const out: ChartMetadata = {};
  const set = <K extends keyof ChartMetadata>(k: K, v: ChartMetadata[K] | undefined): void => { if (v !== undefined) out[k] = v; };
  set('name', opt(m.name));
  set('home', opt(m.home));
  set('sources', opt(m.sources) ?? undefined);
  set('version', opt(m.version));
  set('description', opt(m.description));
  set('keywords', opt(m.keywords) ?? undefined);
  set('maintainers', m.maintainers?.filter((x) => x !== null).map((x) => {
    const mt: { name?: string; email?: string; url?: string } = {};
    if (x.name) mt.name = x.name;
    if (x.email) mt.email = x.email;
    if (x.url) mt.url = x.url;
    return mt;
  }));
  set('icon', opt(m.icon));
  set('apiVersion', opt(m.apiVersion));
  set('condition', opt(m.condition));
  set('tags', opt(m.tags));
  set('appVersion', opt(m.appVersion));
  if (m.deprecated) out.deprecated = true;
  if (m.annotations && m.annotations.size > 0) out.annotations = Object.fromEntries(m.annotations);
  set('kubeVersion', opt(m.kubeVersion));
  set('dependencies', m.dependencies?.filter((d) => d !== null).map(dependency));
  set('type', opt(m.type));
  return out;
}

export function storedChart(c: Chart): StoredChart {
  return {
    metadata: storedMetadata(c.metadata),
    lock: c.lock === null ? null : {
      generated: parseGoTime(c.lock.generated || null),
      digest: c.lock.digest,
      dependencies: (c.lock.dependencies ?? []).filter((d) => d !== null).map(dependency),
    },
    templates: c.templates.map((f) => ({ name: f.name, data: f.data })),
    values: c.values,
    schema: c.schema,
    files: c.files.map((f) => ({ name: f.name, data: f.data })),
  };
}

export function releaseHooks(result: RenderResult): Hook[] {
  return result.hooks.map((h) => {
    const hook: Hook = {
      name: h.name, kind: h.kind, path: h.path, manifest: h.manifest, events: [...h.events],
      last_run: { phase: '' }, delete_policies: h.deletePolicies as Hook['delete_policies'],
    };
    if (h.weight !== 0) hook.weight = h.weight;
    return hook;
  });
}

export interface NewReleaseInput {
  name: string;
  namespace: string;
  version: number;
  chart: Chart;
  config: Values;
  result: RenderResult;
  status: ReleaseStatus;
  description: string;
  firstDeployed?: Release['info'] extends infer I ? I extends { first_deployed?: infer T } ? T : never : never;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function newRelease(i: NewReleaseInput): Release {
  const now = goTimeNow();
  const r: Release = {
    name: i.name,
    info: { first_deployed: i.firstDeployed ?? now, last_deployed: now, status: i.status, description: i.description, ...(i.result.notes ? { notes: i.result.notes } : {}) },
    chart: storedChart(i.chart),
    config: i.config,
    manifest: releaseManifest(i.result),
    hooks: releaseHooks(i.result),
    version: i.version,
    namespace: i.namespace,
  };
  if (i.labels) r.labels = i.labels;
  if (i.annotations) r.annotations = i.annotations;
  return r;
}
