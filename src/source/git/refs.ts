/**
 * Git references as a GitRepository names them (`spec.ref`), checked, resolved against the remote's refs
 * (`git ls-remote`) and turned into a Flux v2 revision string.
 *
 * Precedence as in Flux: commit > name > semver > tag > branch. With no field set, the remote's default
 * branch (its HEAD) is followed (Flux assumes `master`).
 */
import { GitSourceError } from './errors.ts';
import { highestMatchingTag, parseRange } from './semver-tags.ts';

export interface GitRef {
  branch?: string | undefined;
  tag?: string | undefined;
  /** a semver range (Masterminds syntax) matched against the tags */
  semver?: string | undefined;
  /** a full reference name: `refs/heads/main`, `refs/pull/42/head`, … */
  name?: string | undefined;
  /** a full commit id; with `branch`, the branch is named in the revision */
  commit?: string | undefined;
}

/** The ref as the fetch will use it: one kind, checked. */
export type RefPlan =
  | { kind: 'default' }
  | { kind: 'branch'; branch: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'semver'; range: string }
  | { kind: 'name'; name: string }
  | { kind: 'commit'; commit: string; branch?: string };

/** What to fetch and how to call it. */
export interface RefTarget {
  /** the full ref to fetch (`refs/heads/main`), or undefined to fetch `commit` by id */
  fetchRef?: string;
  /** the commit the remote says the ref points at (peeled for annotated tags), when known before fetching */
  commit?: string;
  /** the reference named in the revision (`refs/heads/main`), '' for a bare commit */
  reference: string;
  /** whether the revision shows the reference in full (name refs) or shortened (`main`) */
  absolute: boolean;
}

const COMMIT_RE = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** A simplified `git check-ref-format`: what may follow `refs/heads/` or `refs/tags/`. */
export function isValidRefName(s: string): boolean {
  if (s === '' || s.startsWith('-') || s.startsWith('/') || s.endsWith('/') || s.endsWith('.') || s.endsWith('.lock')) return false;
  if (s.includes('..') || s.includes('//') || s.includes('@{') || s === '@') return false;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(s)) return false;
  return s.split('/').every((part) => !part.startsWith('.'));
}

/** Checks the ref and picks its kind; throws `InvalidRef` naming the field. */
export function planRef(ref: GitRef | undefined, url: string): RefPlan {
  const bad = (field: string, value: string, why: string): GitSourceError =>
    new GitSourceError('InvalidRef', url, `invalid ref.${field} "${value}": ${why}`);
  const r = ref ?? {};
  if (r.branch !== undefined && r.branch !== '' && !isValidRefName(r.branch)) throw bad('branch', r.branch, 'not a valid branch name');
  if (r.commit !== undefined && r.commit !== '') {
    const commit = r.commit.toLowerCase();
    if (!COMMIT_RE.test(commit)) throw bad('commit', r.commit, 'a full 40 (or 64) hex digit commit id is required');
    return r.branch ? { kind: 'commit', commit, branch: r.branch } : { kind: 'commit', commit };
  }
  if (r.name !== undefined && r.name !== '') {
    if (!r.name.startsWith('refs/') || !isValidRefName(r.name)) throw bad('name', r.name, 'a full reference name such as refs/heads/main is required');
    return { kind: 'name', name: r.name };
  }
  if (r.semver !== undefined && r.semver !== '') {
    const p = parseRange(r.semver);
    if (!p.ok) throw bad('semver', r.semver, p.error);
    return { kind: 'semver', range: r.semver };
  }
  if (r.tag !== undefined && r.tag !== '') {
    if (!isValidRefName(r.tag)) throw bad('tag', r.tag, 'not a valid tag name');
    return { kind: 'tag', tag: r.tag };
  }
  if (r.branch !== undefined && r.branch !== '') return { kind: 'branch', branch: r.branch };
  return { kind: 'default' };
}

/**
 * The `git ls-remote` patterns after the URL. A commit needs no listing, but its branch (or HEAD) is listed
 * all the same, so that every fetch proves the repository reachable with the object's credentials.
 */
export function lsRemotePatterns(plan: RefPlan): string[] {
  switch (plan.kind) {
    case 'default': return ['HEAD'];
    case 'branch': return [`refs/heads/${plan.branch}`];
    case 'tag': return [`refs/tags/${plan.tag}`];
    case 'semver': return ['refs/tags/*'];
    case 'name': return [plan.name];
    case 'commit': return [plan.branch !== undefined ? `refs/heads/${plan.branch}` : 'HEAD'];
  }
}

/** Remote refs from `git ls-remote [--symref]` output. */
export interface RemoteRefs {
  /** ref name → id; annotated tags also appear as `<name>^{}` → commit */
  refs: Map<string, string>;
  /** symbolic ref → target (`HEAD` → `refs/heads/main`) */
  symrefs: Map<string, string>;
}

export function parseLsRemote(out: string): RemoteRefs {
  const refs = new Map<string, string>();
  const symrefs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const sym = /^ref: (\S+)\t(\S+)$/.exec(line);
    if (sym) {
      symrefs.set(sym[2] ?? '', sym[1] ?? '');
      continue;
    }
    const m = /^([0-9a-f]{40}|[0-9a-f]{64})\t(\S+)$/.exec(line);
    if (m) refs.set(m[2] ?? '', m[1] ?? '');
  }
  return { refs, symrefs };
}

/** Resolves the plan against the remote's refs; throws `RefNotFound` naming what was looked for. */
export function resolveTarget(plan: RefPlan, remote: RemoteRefs | undefined, url: string): RefTarget {
  const notFound = (what: string): GitSourceError => new GitSourceError('RefNotFound', url, `${what} not found in ${url}`);
  const lookup = (ref: string): RefTarget | undefined => {
    const id = remote?.refs.get(`${ref}^{}`) ?? remote?.refs.get(ref);
    return id === undefined ? undefined : { fetchRef: ref, commit: id, reference: ref, absolute: false };
  };
  switch (plan.kind) {
    case 'commit':
      if (plan.branch !== undefined && remote !== undefined && !remote.refs.has(`refs/heads/${plan.branch}`)) throw notFound(`branch "${plan.branch}"`);
      return { commit: plan.commit, reference: plan.branch ? `refs/heads/${plan.branch}` : '', absolute: false };
    case 'default': {
      const head = remote?.symrefs.get('HEAD');
      if (head === undefined) throw notFound('the default branch (HEAD)');
      const id = remote?.refs.get(head) ?? remote?.refs.get('HEAD');
      if (id === undefined) throw notFound(`the default branch ${head}`);
      return { fetchRef: head, commit: id, reference: head, absolute: false };
    }
    case 'branch': return lookup(`refs/heads/${plan.branch}`) ?? (() => { throw notFound(`branch "${plan.branch}"`); })();
    case 'tag': return lookup(`refs/tags/${plan.tag}`) ?? (() => { throw notFound(`tag "${plan.tag}"`); })();
    case 'name': {
      const t = lookup(plan.name);
      if (t === undefined) throw notFound(`reference "${plan.name}"`);
      return { ...t, absolute: true };
    }
    case 'semver': {
      const p = parseRange(plan.range);
      if (!p.ok) throw new GitSourceError('InvalidRef', url, `invalid ref.semver "${plan.range}": ${p.error}`);
      const tags = [...(remote?.refs.keys() ?? [])]
        .filter((r) => r.startsWith('refs/tags/') && !r.endsWith('^{}'))
        .map((r) => r.slice('refs/tags/'.length));
      const best = highestMatchingTag(tags, p.constraint);
      if (best === undefined) throw new GitSourceError('RefNotFound', url, `no tag matching semver range "${plan.range}" in ${url}`);
      return lookup(`refs/tags/${best.tag}`) ?? (() => { throw notFound(`tag "${best.tag}"`); })();
    }
  }
}

/**
 * The Flux v2 revision: `<short ref>@sha1:<commit>` (`main@sha1:…`, `v1.2.0@sha1:…`), the full reference for
 * name refs (`refs/pull/42/head@sha1:…`), `sha1:<commit>` for a bare commit (`sha256:` for SHA-256 repositories).
 */
export function formatRevision(target: Pick<RefTarget, 'reference' | 'absolute'>, commit: string): string {
  const digest = `${commit.length === 64 ? 'sha256' : 'sha1'}:${commit}`;
  if (target.reference === '') return digest;
  if (target.absolute) return `${target.reference}@${digest}`;
  const parts = target.reference.split('/');
  const short = parts.length >= 3 ? parts.slice(2).join('/') : target.reference;
  return `${short}@${digest}`;
}
