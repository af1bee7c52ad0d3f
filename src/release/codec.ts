/**
 * The release codec: Release → JSON (Helm 3's field names, order and omitempty rules) → gzip → base64, and
 * back. Decoding accepts gzip or plain JSON, Helm 3's `""` zero times and Helm 4's omitted ones.
 */
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { marshal, Struct } from '@capstan/gojson';
import { formatGoTime, parseGoTime } from './go-time.ts';
import type {
  ChartFile, ChartLock, ChartMetadata, Dependency, GoTime, Hook, HookExecution, Info, Release, StoredChart,
} from './model.ts';
import { releaseFromJson } from './codec-decode.ts';

type Entry = [string, unknown];
const omitEmpty = (entries: (Entry | false | undefined)[]): Struct => new Struct(entries.filter((e): e is Entry => Array.isArray(e)));
const str = (k: string, v: string | undefined): Entry | false => v !== undefined && v !== '' && [k, v];
const list = (k: string, v: unknown[] | undefined): Entry | false => v !== undefined && v.length > 0 && [k, v];
/** Helm 3's pkg/time: a zero time is written as "" */
const helmTime = (t: GoTime | undefined): string => (t === undefined ? '' : formatGoTime(t));

function infoJson(i: Info): Struct {
  return omitEmpty([
    ['first_deployed', helmTime(i.first_deployed)],
    ['last_deployed', helmTime(i.last_deployed)],
    ['deleted', helmTime(i.deleted)],
    str('description', i.description),
    str('status', i.status),
    str('notes', i.notes),
  ]);
}

function dependencyJson(d: Dependency): Struct {
  return omitEmpty([
    ['name', d.name],
    str('version', d.version),
    ['repository', d.repository],
    str('condition', d.condition),
    list('tags', d.tags),
    d.enabled === true && ['enabled', true],
    list('import-values', d['import-values']),
    str('alias', d.alias),
  ]);
}

function metadataJson(m: ChartMetadata): Struct {
  return omitEmpty([
    str('name', m.name), str('home', m.home), list('sources', m.sources), str('version', m.version),
    str('description', m.description), list('keywords', m.keywords),
    list('maintainers', m.maintainers?.map((x) => omitEmpty([str('name', x.name), str('email', x.email), str('url', x.url)]))),
    str('icon', m.icon), str('apiVersion', m.apiVersion), str('condition', m.condition), str('tags', m.tags),
    str('appVersion', m.appVersion), m.deprecated === true && ['deprecated', true],
    m.annotations !== undefined && Object.keys(m.annotations).length > 0 && ['annotations', m.annotations],
    str('kubeVersion', m.kubeVersion), list('dependencies', m.dependencies?.map(dependencyJson)), str('type', m.type),
  ]);
}

const fileJson = (f: ChartFile): Struct => new Struct([['name', f.name], ['data', f.data]]);

function lockJson(l: ChartLock): Struct {
  // chart.Lock uses the standard time.Time: the zero time is written in full
  return new Struct([
    ['generated', l.generated === undefined ? '0001-01-01T00:00:00Z' : formatGoTime(l.generated)],
    ['digest', l.digest],
    ['dependencies', l.dependencies.map(dependencyJson)],
  ]);
}

function chartJson(c: StoredChart): Struct {
  return new Struct([
    ['metadata', c.metadata === null ? null : metadataJson(c.metadata)],
    ['lock', c.lock === null ? null : lockJson(c.lock)],
    ['templates', c.templates?.map(fileJson) ?? null],
    ['values', c.values],
    ['schema', c.schema],
    ['files', c.files?.map(fileJson) ?? null],
  ]);
}

function hookExecutionJson(e: HookExecution): Struct {
  return new Struct([['started_at', helmTime(e.started_at)], ['completed_at', helmTime(e.completed_at)], ['phase', e.phase]]);
}

function hookJson(h: Hook): Struct {
  return omitEmpty([
    str('name', h.name), str('kind', h.kind), str('path', h.path), str('manifest', h.manifest),
    list('events', h.events), ['last_run', hookExecutionJson(h.last_run)],
    h.weight !== undefined && h.weight !== 0 && ['weight', h.weight],
    list('delete_policies', h.delete_policies), list('output_log_policies', h.output_log_policies),
  ]);
}

/** The release as Helm 3 marshals it (json.Marshal(rls)). */
export function releaseJson(r: Release): string {
  return marshal(omitEmpty([
    str('name', r.name),
    r.info !== undefined && ['info', infoJson(r.info)],
    r.chart !== undefined && ['chart', chartJson(r.chart)],
    r.config !== undefined && mapSize(r.config) > 0 && ['config', r.config],
    str('manifest', r.manifest),
    list('hooks', r.hooks?.map(hookJson)),
    r.version !== 0 && ['version', r.version],
    str('namespace', r.namespace),
  ]));
}

/** Encodes as Helm stores it in a Secret's `data.release` (before the API's own base64): base64(gzip(json)). */
export function encodeRelease(r: Release): string {
  const gz = gzipSync(Buffer.from(releaseJson(r)), { level: constants.Z_BEST_COMPRESSION });
  return gz.toString('base64');
}

const gzipMagic = [0x1f, 0x8b, 0x08];

/** Decodes Helm's stored form: base64, then gunzip when the gzip magic is present, else plain JSON. */
export function decodeRelease(data: string): Release {
  const raw = Buffer.from(data, 'base64');
  const json = gzipMagic.every((b, i) => raw[i] === b) ? gunzipSync(raw) : raw;
  return releaseFromJson(JSON.parse(json.toString('utf8')) as Record<string, unknown>);
}

export { parseGoTime };

function mapSize(m: ReadonlyMap<string, unknown> | Record<string, unknown>): number {
  return m instanceof Map ? m.size : Object.keys(m).length;
}
