/**
 * releaseutil.SortManifests: rendered files → hooks and ordinary manifests, each document parsed for
 * its SimpleHead, hooks recognised by the `helm.sh/hook` annotation, both sorted by kind.
 */
import { tryParseInt } from '../template/fmt/atoi.ts';
import { splitManifests } from './manifest-split.ts';
import { sortByKind } from './kind-sorter.ts';
import type { KindSortOrder } from './kind-sorter.ts';
import { HeadDecodeError } from './simple-head.ts';
import { cachedSimpleHead } from './head-cache.ts';
import type { JsonLike, SimpleHead } from './simple-head.ts';
import { goCompare, goTrimSpace, pathBase } from './go-strings.ts';

export const HOOK_ANNOTATION = 'helm.sh/hook';
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
export const HOOK_DELETE_ANNOTATION = 'helm.sh/hook-delete-policy';

export type HookEvent =
  | 'pre-install' | 'post-install' | 'pre-delete' | 'post-delete' | 'pre-upgrade' | 'post-upgrade'
  | 'pre-rollback' | 'post-rollback' | 'test';

const EVENTS: ReadonlyMap<string, HookEvent> = new Map<string, HookEvent>([
  ['pre-install', 'pre-install'], ['post-install', 'post-install'],
  ['pre-delete', 'pre-delete'], ['post-delete', 'post-delete'],
  ['pre-upgrade', 'pre-upgrade'], ['post-upgrade', 'post-upgrade'],
  ['pre-rollback', 'pre-rollback'], ['post-rollback', 'post-rollback'],
  ['test', 'test'],
  // Helm 2 compatibility
  ['test-success', 'test'],
]);

/** release.Hook as rendering produces it. */
export interface Hook {
  name: string;
  kind: string;
  /** chart-relative template path, e.g. `conf/templates/job.yaml` */
  path: string;
  manifest: string;
  events: HookEvent[];
  weight: number;
  /** lower-cased, trimmed `helm.sh/hook-delete-policy` entries */
  deletePolicies: string[];
}

/** releaseutil.Manifest */
export interface Manifest {
  /** the template path (`# Source:`) */
  name: string;
  content: string;
  head: SimpleHead;
}

/** YAML text → JSON-able data, throwing an Error whose message is what sigs.k8s.io/yaml returns. */
export type YamlDecoder = (doc: string) => JsonLike;

export class ManifestSortError extends Error {
  /** hooks and manifests sorted before the failing file */
  readonly hooks: Hook[];
  readonly manifests: Manifest[];
  constructor(message: string, hooks: Hook[], manifests: Manifest[]) {
    super(message);
    this.name = 'ManifestSortError';
    this.hooks = hooks;
    this.manifests = manifests;
  }
}

/** strconv.Atoi, returning 0 on any error (as calculateHookWeight does). */
function atoiOrZero(s: string): number {
  const r = tryParseInt(s, 10, 64);
  return r.err === undefined ? Number(r.n) : 0;
}

/** Lower-cased, trimmed comma-separated entries, as operateAnnotationValues splits them. */
function splitAnnotation(v: string): string[] {
  return v.split(',').map((p) => goTrimSpace(p).toLowerCase());
}

/** Options for {@link sortManifests}. */
export interface SortManifestsOptions {
  decodeYaml: YamlDecoder;
  ordering: KindSortOrder;
  /** receives Helm's log lines (e.g. `info: skipping unknown hook: "x"`) */
  log?: (line: string) => void;
}

/**
 * Sorts rendered files (path → content) into hooks and manifests. Partials (`_*`) and blank files are
 * skipped. Throws {@link ManifestSortError} (`YAML parse error on PATH: …`) on a document that does
 * not parse.
 */
export function sortManifests(
  files: ReadonlyMap<string, string>,
  opts: SortManifestsOptions,
): { hooks: Hook[]; manifests: Manifest[] } {
  const hooks: Hook[] = [];
  const generic: Manifest[] = [];
  const paths = [...files.keys()].sort(goCompare);
  for (const filePath of paths) {
    const content = files.get(filePath)!;
    if (pathBase(filePath).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    for (const m of splitManifests(content)) {
      let head: SimpleHead;
      try {
        head = cachedSimpleHead(opts.decodeYaml, m);
      } catch (e) {
        const msg = e instanceof HeadDecodeError
          ? `error unmarshaling JSON: while decoding JSON: ${e.message}`
          : (e as Error).message;
        throw new ManifestSortError(`YAML parse error on ${filePath}: ${msg}`, hooks, generic);
      }
      const annotations = head.metadata?.annotations;
      if (!annotations || annotations.size === 0) {
        generic.push({ name: filePath, content: m, head });
        continue;
      }
      const hookTypes = annotations.get(HOOK_ANNOTATION);
      if (hookTypes === undefined) {
        generic.push({ name: filePath, content: m, head });
        continue;
      }
      const hook: Hook = {
        name: head.metadata?.name ?? '',
        kind: head.kind,
        path: filePath,
        manifest: m,
        events: [],
        weight: atoiOrZero(annotations.get(HOOK_WEIGHT_ANNOTATION) ?? ''),
        deletePolicies: [],
      };
      let unknown = false;
      for (const t of splitAnnotation(hookTypes)) {
        const ev = EVENTS.get(t);
        if (ev === undefined) {
          unknown = true;
          break;
        }
        hook.events.push(ev);
      }
      if (unknown) {
        opts.log?.(`info: skipping unknown hook: ${JSON.stringify(hookTypes)}`);
        continue;
      }
      hooks.push(hook);
      const dp = annotations.get(HOOK_DELETE_ANNOTATION);
      if (dp !== undefined) hook.deletePolicies.push(...splitAnnotation(dp));
    }
  }
  return {
    hooks: sortByKind(hooks, (h) => h.kind, opts.ordering),
    manifests: sortByKind(generic, (m) => m.head.kind, opts.ordering),
  };
}
