/**
 * Which GitRepositories a push concerns: same repository (any of the payload's URLs, compared by
 * `sameRepository`, so ssh, scp-like and https URLs of one repository match) and a ref the push can
 * change: the pushed branch for `branch` refs, any branch for the default branch, any tag for `semver`, the
 * tag for `tag`, the exact reference for `name`. Pinned commits never match.
 */
import { planRef, type GitRef } from '../git/refs.ts';
import { sameRepository } from '../git/url.ts';
import type { PushEvent } from './push-events.ts';

/** A GitRepository as the webhook receiver needs to see it. */
export interface WatchedGitRepository {
  namespace: string;
  name: string;
  url: string;
  ref?: GitRef | undefined;
}

export interface ReconcileTarget {
  kind: 'GitRepository';
  namespace: string;
  name: string;
}

function refMatches(ref: GitRef | undefined, url: string, pushed: string | undefined): boolean {
  let plan;
  try {
    plan = planRef(ref, url);
  } catch {
    return false;
  }
  if (plan.kind === 'commit') return false;
  if (pushed === undefined) return true;
  const branch = pushed.startsWith('refs/heads/') ? pushed.slice('refs/heads/'.length) : undefined;
  const tag = pushed.startsWith('refs/tags/') ? pushed.slice('refs/tags/'.length) : undefined;
  switch (plan.kind) {
    case 'default': return branch !== undefined;
    case 'branch': return branch === plan.branch;
    case 'tag': return tag === plan.tag;
    case 'semver': return tag !== undefined;
    case 'name': return pushed === plan.name;
  }
}

/** The GitRepositories to reconcile for a push, limited to `namespaces` when given. */
export function matchPush(event: PushEvent, repos: Iterable<WatchedGitRepository>, namespaces?: readonly string[]): ReconcileTarget[] {
  const out: ReconcileTarget[] = [];
  for (const r of repos) {
    if (namespaces !== undefined && !namespaces.includes(r.namespace)) continue;
    if (!event.urls.some((u) => sameRepository(u, r.url))) continue;
    if (refMatches(r.ref, r.url, event.ref)) out.push({ kind: 'GitRepository', namespace: r.namespace, name: r.name });
  }
  return out;
}
