/** Release JSON (as Helm 3 or Helm 4 wrote it) → the release model. Unknown fields are ignored, as Go does. */
import { parseGoTime } from './go-time.ts';
import { releaseStatuses } from './model.ts';
import type {
  ChartFile, ChartLock, ChartMetadata, Dependency, Hook, HookExecution, Info, Release, ReleaseStatus, StoredChart,
} from './model.ts';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Json : undefined);
const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const strs = (v: unknown): string[] | undefined => arr(v)?.filter((x): x is string => typeof x === 'string');
const time = (v: unknown) => parseGoTime(typeof v === 'string' ? v : null);
const bytes = (v: unknown): Uint8Array | null => (typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : null);

function setIf<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

function info(j: Json): Info {
  const i: Info = {};
  setIf(i, 'first_deployed', time(j['first_deployed']));
  setIf(i, 'last_deployed', time(j['last_deployed']));
  setIf(i, 'deleted', time(j['deleted']));
  setIf(i, 'description', s(j['description']));
  const st = s(j['status']);
  if (st !== undefined) i.status = (releaseStatuses as readonly string[]).includes(st) ? st as ReleaseStatus : 'unknown';
  setIf(i, 'notes', s(j['notes']));
  return i;
}

function dependency(j: Json): Dependency {
  const d: Dependency = { name: s(j['name']) ?? '', repository: s(j['repository']) ?? '' };
  setIf(d, 'version', s(j['version']));
  setIf(d, 'condition', s(j['condition']));
  setIf(d, 'tags', strs(j['tags']));
  if (j['enabled'] === true) d.enabled = true;
  setIf(d, 'import-values', arr(j['import-values']));
  setIf(d, 'alias', s(j['alias']));
  return d;
}

function metadata(j: Json): ChartMetadata {
  const m: ChartMetadata = {};
  for (const k of ['name', 'home', 'version', 'description', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'kubeVersion', 'type'] as const) {
    setIf(m, k, s(j[k]));
  }
  setIf(m, 'sources', strs(j['sources']));
  setIf(m, 'keywords', strs(j['keywords']));
  setIf(m, 'maintainers', arr(j['maintainers'])?.map((x) => {
    const o = obj(x) ?? {};
    const mt: { name?: string; email?: string; url?: string } = {};
    setIf(mt, 'name', s(o['name']));
    setIf(mt, 'email', s(o['email']));
    setIf(mt, 'url', s(o['url']));
    return mt;
  }));
  if (j['deprecated'] === true) m.deprecated = true;
  const ann = obj(j['annotations']);
  if (ann) m.annotations = Object.fromEntries(Object.entries(ann).filter((e): e is [string, string] => typeof e[1] === 'string'));
  setIf(m, 'dependencies', arr(j['dependencies'])?.map((d) => dependency(obj(d) ?? {})));
  return m;
}

const files = (v: unknown): ChartFile[] | null =>
  arr(v)?.map((f) => ({ name: s(obj(f)?.['name']) ?? '', data: bytes(obj(f)?.['data']) ?? new Uint8Array() })) ?? null;

function lock(j: Json): ChartLock {
  return { generated: time(j['generated']), digest: s(j['digest']) ?? '', dependencies: (arr(j['dependencies']) ?? []).map((d) => dependency(obj(d) ?? {})) };
}

function chart(j: Json): StoredChart {
  const md = obj(j['metadata']);
  const lk = obj(j['lock']);
  return {
    metadata: md ? metadata(md) : null,
    lock: lk ? lock(lk) : null,
    templates: files(j['templates']),
    values: obj(j['values']) ?? null,
    schema: bytes(j['schema']),
    files: files(j['files']),
  };
}

function hookExecution(j: Json): HookExecution {
  const e: HookExecution = { phase: (s(j['phase']) ?? '') as HookExecution['phase'] };
  setIf(e, 'started_at', time(j['started_at']));
  setIf(e, 'completed_at', time(j['completed_at']));
  return e;
}

function hook(j: Json): Hook {
  const h: Hook = {
    name: s(j['name']) ?? '', kind: s(j['kind']) ?? '', path: s(j['path']) ?? '', manifest: s(j['manifest']) ?? '',
    events: (strs(j['events']) ?? []) as Hook['events'],
    last_run: hookExecution(obj(j['last_run']) ?? {}),
    delete_policies: (strs(j['delete_policies']) ?? []) as Hook['delete_policies'],
  };
  if (typeof j['weight'] === 'number' && j['weight'] !== 0) h.weight = j['weight'];
  setIf(h, 'output_log_policies', strs(j['output_log_policies']));
  return h;
}

export function releaseFromJson(j: Json): Release {
  const r: Release = { name: s(j['name']) ?? '', version: typeof j['version'] === 'number' ? j['version'] : 0, namespace: s(j['namespace']) ?? '' };
  const i = obj(j['info']);
  if (i) r.info = info(i);
  const c = obj(j['chart']);
  if (c) r.chart = chart(c);
  setIf(r, 'config', obj(j['config']));
  setIf(r, 'manifest', s(j['manifest']));
  setIf(r, 'hooks', arr(j['hooks'])?.map((h) => hook(obj(h) ?? {})));
  return r;
}
