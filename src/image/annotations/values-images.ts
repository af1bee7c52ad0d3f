/**
 * Finding the images in a HelmRelease's `values` the way Flux v1 did (`FindHelmReleaseContainers` in
 * fluxcd/flux `pkg/cluster/kubernetes/resource/helmrelease.go`), each with a setter:
 * - at the top level of `values` (container `chart-image`), or in a map under one top-level key (container =
 *   that key: `backend.image…` → `backend`), one of
 *   - `image: repo:tag` (a string; with `registry:` and/or `tag:` strings beside it, those win),
 *   - `image: {repository: repo, tag?, registry?}`;
 * - or where `repository.fluxcd.io/<c>` (with `tag.fluxcd.io/<c>`, `registry.fluxcd.io/<c>`) annotations point,
 *   dot paths under `values`; these override what was found by shape.
 * Containers are listed `chart-image` first, then by name.
 */
import { parseImageRef, refName, refString, type ImageRef } from './image-ref.ts';

export const RELEASE_CONTAINER = 'chart-image';

type Obj = Record<string, unknown>;

/** A found image; `set` writes a new reference into the `values` object it was found in (mutating it). */
export interface ValuesImage {
  readonly container: string;
  readonly ref: ImageRef;
  /** the value paths the image is read from, for messages (`backend.image.tag`) */
  readonly paths: readonly string[];
  set(ref: ImageRef): void;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(m: Obj, k: string): string | undefined {
  const v = m[k];
  return typeof v === 'string' ? v : undefined;
}

/** `image`/`repository` (key `field`) with optional `registry` and `tag` strings beside it in `m`. */
function interpretFields(m: Obj, field: 'image' | 'repository', at: string): Omit<ValuesImage, 'container'> | undefined {
  const raw = str(m, field);
  const parsed = raw !== undefined ? parseImageRef(raw) : undefined;
  if (parsed === undefined) return undefined;
  const registry = str(m, 'registry');
  const tag = str(m, 'tag');
  const ref: ImageRef = { domain: registry ?? parsed.domain, path: parsed.path, tag: tag ?? parsed.tag };
  const p = (k: string): string => (at === '' ? k : `${at}.${k}`);
  const paths = [...(registry !== undefined ? [p('registry')] : []), p(field), ...(tag !== undefined ? [p('tag')] : [])];
  const set = (r: ImageRef): void => {
    if (registry !== undefined) m['registry'] = r.domain;
    if (registry !== undefined && tag !== undefined) m[field] = r.path;
    else if (registry !== undefined) m[field] = `${r.path}:${r.tag}`;
    else if (tag !== undefined) m[field] = refName(r);
    else m[field] = refString(r);
    if (tag !== undefined) m['tag'] = r.tag;
  };
  return { ref, paths, set };
}

/** Flux v1 interpretAsContainer: a map that has an `image` field, string or `{repository, …}`. */
function interpretContainer(m: Obj, at: string): Omit<ValuesImage, 'container'> | undefined {
  const image = m['image'];
  if (typeof image === 'string') return interpretFields(m, 'image', at);
  if (isObj(image)) return interpretFields(image, 'repository', at === '' ? 'image' : `${at}.image`);
  return undefined;
}

function getPath(values: Obj, path: string): unknown {
  let cur: unknown = values;
  for (const k of path.split('.')) cur = isObj(cur) ? cur[k] : undefined;
  return cur;
}

function setPath(values: Obj, path: string, v: string): void {
  const keys = path.split('.');
  let cur: Obj = values;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (!isObj(next)) return;
    cur = next;
  }
  cur[keys[keys.length - 1] ?? ''] = v;
}

/** User mappings: dot paths (under `values`) of the registry, repository and tag of a container. */
export interface ImageMapping {
  readonly registry?: string | undefined;
  readonly repository?: string | undefined;
  readonly tag?: string | undefined;
}

/** Flux v1 interpretMappedContainerImage: which combinations of paths are understood, and how they are set. */
function interpretMapping(values: Obj, map: ImageMapping): Omit<ValuesImage, 'container'> | undefined {
  if (map.repository === undefined) return undefined;
  const repo = getPath(values, map.repository);
  if (typeof repo !== 'string') return undefined;
  const reg = map.registry !== undefined ? getPath(values, map.registry) : undefined;
  const tag = map.tag !== undefined ? getPath(values, map.tag) : undefined;
  if (map.registry !== undefined && typeof reg !== 'string') return undefined;
  if (map.tag !== undefined && typeof tag !== 'string') return undefined;
  const composed = `${typeof reg === 'string' ? `${reg}/` : ''}${repo}${typeof tag === 'string' ? `:${tag}` : ''}`;
  const ref = parseImageRef(composed);
  if (ref === undefined) return undefined;
  const paths = [map.registry, map.repository, map.tag].filter((p): p is string => p !== undefined);
  const set = (r: ImageRef): void => {
    if (map.registry !== undefined) setPath(values, map.registry, r.domain);
    if (map.registry !== undefined && map.tag !== undefined) setPath(values, map.repository ?? '', r.path);
    else if (map.registry !== undefined) setPath(values, map.repository ?? '', `${r.path}:${r.tag}`);
    else if (map.tag !== undefined) setPath(values, map.repository ?? '', refName(r));
    else setPath(values, map.repository ?? '', refString(r));
    if (map.tag !== undefined) setPath(values, map.tag, r.tag);
  };
  return { ref, paths, set };
}

/** The images of `values` (see the module comment); setters mutate `values` itself. */
export function findValuesImages(values: unknown, mappings: ReadonlyMap<string, ImageMapping> = new Map()): ValuesImage[] {
  if (!isObj(values)) return [];
  const found = new Map<string, Omit<ValuesImage, 'container'>>();
  const top = interpretContainer(values, '');
  if (top !== undefined) found.set(RELEASE_CONTAINER, top);
  for (const [k, v] of Object.entries(values)) {
    const c = isObj(v) ? interpretContainer(v, k) : undefined;
    if (c !== undefined) found.set(k, c);
  }
  for (const [k, map] of mappings) {
    const c = interpretMapping(values, map);
    if (c !== undefined) found.set(k, c);
  }
  return [...found.keys()]
    .sort((a, b) => (a === RELEASE_CONTAINER ? -1 : b === RELEASE_CONTAINER ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((container) => ({ container, ...(found.get(container) as Omit<ValuesImage, 'container'>) }));
}
