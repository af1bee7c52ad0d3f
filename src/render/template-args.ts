/**
 * The `helm template` command line (cobra/pflag rules): positional NAME and CHART, and the flags
 * that change rendering. Unknown flags that take no part in rendering are accepted and ignored when
 * known to helm (e.g. `--debug`), rejected otherwise with pflag's message.
 */

import { quote } from '../template/fmt/quote.ts';

export interface TemplateArgs {
  releaseName: string;
  chart: string;
  /** `-n/--namespace` ('' = not given) */
  namespace: string;
  /** `-f/--values`, in order */
  valueFiles: string[];
  /** `--set`, `--set-string`, `--set-json`, `--set-file`, `--set-literal`, each in order */
  set: string[];
  setString: string[];
  setJson: string[];
  setFile: string[];
  setLiteral: string[];
  /** `--kube-version` ('' = not given) */
  kubeVersion: string;
  /** `-a/--api-versions` */
  apiVersions: string[];
  /** `-s/--show-only` */
  showOnly: string[];
  includeCrds: boolean;
  skipCrds: boolean;
  skipTests: boolean;
  noHooks: boolean;
  isUpgrade: boolean;
  skipSchemaValidation: boolean;
  enableDns: boolean;
  renderSubchartNotes: boolean;
  /** `--dependency-update` (not supported offline; recorded) */
  dependencyUpdate: boolean;
  debug: boolean;
}

/** pflag's error for a bad command line. */
export class ArgsError extends Error {}

type Kind = 'bool' | 'string' | 'stringArray' | 'stringSlice';

interface FlagDef {
  kind: Kind;
  key?: keyof TemplateArgs;
}

const FLAGS: Record<string, FlagDef> = {
  namespace: { kind: 'string', key: 'namespace' },
  values: { kind: 'stringSlice', key: 'valueFiles' },
  set: { kind: 'stringArray', key: 'set' },
  'set-string': { kind: 'stringArray', key: 'setString' },
  'set-json': { kind: 'stringArray', key: 'setJson' },
  'set-file': { kind: 'stringArray', key: 'setFile' },
  'set-literal': { kind: 'stringArray', key: 'setLiteral' },
  'kube-version': { kind: 'string', key: 'kubeVersion' },
  'api-versions': { kind: 'stringSlice', key: 'apiVersions' },
  'show-only': { kind: 'stringArray', key: 'showOnly' },
  'include-crds': { kind: 'bool', key: 'includeCrds' },
  'skip-crds': { kind: 'bool', key: 'skipCrds' },
  'skip-tests': { kind: 'bool', key: 'skipTests' },
  'no-hooks': { kind: 'bool', key: 'noHooks' },
  'is-upgrade': { kind: 'bool', key: 'isUpgrade' },
  'skip-schema-validation': { kind: 'bool', key: 'skipSchemaValidation' },
  'enable-dns': { kind: 'bool', key: 'enableDns' },
  'render-subchart-notes': { kind: 'bool', key: 'renderSubchartNotes' },
  'dependency-update': { kind: 'bool', key: 'dependencyUpdate' },
  debug: { kind: 'bool', key: 'debug' },
  // accepted, without effect on offline rendering
  'create-namespace': { kind: 'bool' },
  'dry-run': { kind: 'string' },
  force: { kind: 'bool' },
  replace: { kind: 'bool' },
  timeout: { kind: 'string' },
  wait: { kind: 'bool' },
  'wait-for-jobs': { kind: 'bool' },
  'generate-name': { kind: 'bool' },
  'name-template': { kind: 'string' },
  description: { kind: 'string' },
  devel: { kind: 'bool' },
  'disable-openapi-validation': { kind: 'bool' },
  atomic: { kind: 'bool' },
  labels: { kind: 'stringSlice' },
  'hide-notes': { kind: 'bool' },
  'take-ownership': { kind: 'bool' },
  version: { kind: 'string' },
  validate: { kind: 'bool' },
  'release-name': { kind: 'bool' },
  'output-dir': { kind: 'string' },
  'post-renderer': { kind: 'string' },
  'post-renderer-args': { kind: 'stringArray' },
  'kube-context': { kind: 'string' },
  kubeconfig: { kind: 'string' },
};

const SHORT: Record<string, string> = { n: 'namespace', f: 'values', a: 'api-versions', s: 'show-only', g: 'generate-name' };

/** encoding/csv reading of one line, as pflag's StringSlice does. */
export function readCsvLine(s: string): string[] {
  if (s === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new ArgsError(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',') throw new ArgsError(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
    } else {
      const j = s.indexOf(',', i);
      field = j < 0 ? s.slice(i) : s.slice(i, j);
      i = j < 0 ? s.length : j;
    }
    out.push(field);
    if (i >= s.length) break;
    i++; // the comma
    if (i >= s.length) {
      out.push('');
      break;
    }
  }
  return out;
}

/** strconv.ParseBool */
function parseBool(v: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw new ArgsError(`strconv.ParseBool: parsing ${quote(v)}: invalid syntax`);
}

/** pflag's name of a flag in messages: `-a, --api-versions` or `--set`. */
function flagDisplayName(name: string): string {
  const short = Object.entries(SHORT).find(([, long]) => long === name)?.[0];
  return short !== undefined ? `-${short}, --${name}` : `--${name}`;
}

export function emptyTemplateArgs(): TemplateArgs {
  return {
    releaseName: '', chart: '', namespace: '', valueFiles: [], set: [], setString: [], setJson: [], setFile: [],
    setLiteral: [], kubeVersion: '', apiVersions: [], showOnly: [], includeCrds: false, skipCrds: false,
    skipTests: false, noHooks: false, isUpgrade: false, skipSchemaValidation: false, enableDns: false,
    renderSubchartNotes: false, dependencyUpdate: false, debug: false,
  };
}

/** Parses `helm template` arguments (without the leading `template`). */
export function parseTemplateArgs(argv: readonly string[]): TemplateArgs {
  const args = emptyTemplateArgs();
  const positional: string[] = [];
  const apply = (name: string, value: string | undefined, next: () => string | undefined): void => {
    const def = FLAGS[name];
    if (!def) throw new ArgsError(`unknown flag: --${name}`);
    let v = value;
    const invalid = (raw: string, e: unknown): ArgsError =>
      new ArgsError(`invalid argument ${quote(raw)} for ${quote(flagDisplayName(name))} flag: ${(e as Error).message}`);
    if (def.kind === 'bool') {
      let b = true;
      if (v !== undefined) {
        try {
          b = parseBool(v);
        } catch (e) {
          throw invalid(v, e);
        }
      }
      if (def.key) (args[def.key] as boolean) = b;
      return;
    }
    if (v === undefined) {
      if (name === 'dry-run') v = 'client';
      else {
        v = next();
        if (v === undefined) throw new ArgsError(`flag needs an argument: --${name}`);
      }
    }
    if (!def.key) return;
    if (def.kind === 'string') (args[def.key] as string) = v;
    else if (def.kind === 'stringArray') (args[def.key] as string[]).push(v);
    else {
      let items: string[];
      try {
        items = readCsvLine(v);
      } catch (e) {
        throw invalid(v, e);
      }
      (args[def.key] as string[]).push(...items);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string | undefined => (i + 1 < argv.length ? argv[++i] : undefined);
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      apply(eq < 0 ? a.slice(2) : a.slice(2, eq), eq < 0 ? undefined : a.slice(eq + 1), next);
    } else if (a.startsWith('-') && a.length > 1) {
      const c = a[1]!;
      const long = SHORT[c];
      if (!long) throw new ArgsError(`unknown shorthand flag: '${c}' in ${a}`);
      const rest = a.slice(2);
      const def = FLAGS[long]!;
      if (def.kind === 'bool') apply(long, rest.startsWith('=') ? rest.slice(1) : undefined, next);
      else apply(long, rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest, next);
    } else {
      positional.push(a);
    }
  }
  if (positional.length === 0) throw new ArgsError('"helm template" requires at least 1 argument');
  if (positional.length === 1) {
    args.releaseName = 'release-name';
    args.chart = positional[0]!;
  } else {
    args.releaseName = positional[0]!;
    args.chart = positional[1]!;
  }
  return args;
}
