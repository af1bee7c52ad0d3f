/**
 * The git commands of a fetch, over a `GitRunner`: list the remote's refs, fetch one commit shallowly into
 * the working cache, check it out. The URL passed here is already validated (never option-like) and refs
 * come from `planRef`, so no argument can be taken for an option.
 */
import { access, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitSourceError } from './errors.ts';
import { lsRemotePatterns, parseLsRemote, type RefPlan, type RefTarget, type RemoteRefs } from './refs.ts';
import { GitRunFailure, type GitRunner } from './runner.ts';
import { classifyGitFailure } from './classify.ts';

/** The ref the fetched commit is kept under in the cache. */
const TARGET_REF = 'refs/capstan/target';

/** Settings of a cache repository: no reflogs (old commits are garbage once replaced), gc in the foreground. */
const CACHE_CONFIG = '[core]\n\tlogAllRefUpdates = false\n\tautocrlf = false\n[gc]\n\tautoDetach = false\n[advice]\n\tdetachedHead = false\n';

/** Makes `dir` a git working copy set up for caching (idempotent). Returns false when it already was one. */
export async function ensureRepository(git: GitRunner, dir: string): Promise<boolean> {
  try {
    await access(join(dir, '.git'));
    return false;
  } catch {
    // not yet a repository
  }
  // not --quiet: simple-git waits 50 ms after a command that printed nothing
  await git.run(['init']);
  // written directly rather than with one `git config` per key, for the same reason
  await appendFile(join(dir, '.git', 'config'), CACHE_CONFIG);
  return true;
}

/** The remote's refs the plan needs. */
export async function listRemote(git: GitRunner, url: string, plan: RefPlan): Promise<RemoteRefs> {
  const args = ['ls-remote', ...(plan.kind === 'default' ? ['--symref'] : []), url, ...lsRemotePatterns(plan)];
  return parseLsRemote(await git.run(args));
}

/** Whether the cache already holds the commit. */
export async function hasCommit(git: GitRunner, commit: string): Promise<boolean> {
  try {
    await git.run(['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

async function isShallow(git: GitRunner): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/**
 * Fetches the target's commit into the cache, one commit deep, and returns its id. A ref is fetched by name
 * (so a push between listing and fetching yields the newer commit); a bare commit is fetched by id, which
 * protocol v2 servers allow, falling back to the full history of the branch (or of all branches and tags)
 * for servers that do not.
 */
export async function fetchTarget(git: GitRunner, remote: { url: string; redacted: string }, plan: RefPlan, target: RefTarget): Promise<string> {
  const url = remote.url;
  const base = ['fetch', '--no-tags', '--force', '--no-write-fetch-head'];
  if (target.fetchRef !== undefined) {
    await git.run([...base, '--depth=1', url, `+${target.fetchRef}:${TARGET_REF}`]);
    return (await git.run(['rev-parse', '--verify', `${TARGET_REF}^{commit}`])).trim();
  }
  if (plan.kind !== 'commit') throw new Error(`no ref to fetch for a ${plan.kind} ref`);
  try {
    await git.run([...base, '--depth=1', url, `+${plan.commit}:${TARGET_REF}`]);
  } catch (e) {
    if (!(e instanceof GitRunFailure) || e.kind !== 'exit' || !['RefNotFound', 'GitFailed'].includes(classifyGitFailure(e.output))) throw e;
    const unshallow = (await isShallow(git)) ? ['--unshallow'] : [];
    const refspecs = plan.branch !== undefined
      ? [`+refs/heads/${plan.branch}:refs/capstan/heads/${plan.branch}`]
      : ['+refs/heads/*:refs/capstan/heads/*', '+refs/tags/*:refs/capstan/tags/*'];
    await git.run([...base, ...unshallow, url, ...refspecs]);
  }
  if (!(await hasCommit(git, plan.commit))) {
    throw new GitSourceError('RefNotFound', remote.redacted, `commit ${plan.commit} not found in ${remote.redacted}`);
  }
  return plan.commit;
}

/** Checks the commit out, discarding anything else in the working tree. */
export async function checkout(git: GitRunner, commit: string): Promise<void> {
  await git.run(['checkout', '--force', '--detach', commit]);
  await git.run(['clean', '-ffdxq']);
}
