/**
 * The working checkout of an ImageUpdateAutomation: one directory per automation, kept between runs (so a
 * run fetches only what is new), reset to the branch head at the start of every run. Credentials come from
 * the GitRepository's `secretRef` through the Git source's auth session (environment only: never in argv, the
 * remote URL or the checkout's config); git's output is scrubbed of them before it reaches an error.
 *
 * History is fetched whole (not shallow): the rebase on a rejected push and `git revert` need the parents of
 * the commits they replay, and a configuration repository's history is small next to a chart's.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Reason, type GitRef, type GitRepository } from '../../api/index.ts';
import { GitSession, type GitAuthor } from '../../image/index.ts';
import { credentialsFor, openAuthSession, parseGitUrl, scrubberFor, type GitUrl } from '../../source/git/index.ts';
import { secretValues, type SecretData } from '../../source/git/secret.ts';
import { ImageReconcileError, messageOf } from './errors.ts';

export interface CheckoutRequest {
  /** the automation's own directory (created when missing) */
  dir: string;
  repo: GitRepository;
  /** the data of the GitRepository's `secretRef` Secret */
  secret: SecretData | undefined;
  /** `spec.git.checkout.ref`, else the GitRepository's ref */
  ref: GitRef | undefined;
  /** `spec.git.push.branch`, else the checked-out branch */
  pushBranch: string | undefined;
  author: GitAuthor;
  signal: AbortSignal;
  /** temporary credential files go under this directory */
  tmpRoot: string;
}

/** A checkout at the head of the branch to push to, with what writeBack and revertCommit need. */
export interface Checkout {
  dir: string;
  /** the branch checked out (`checkout.ref.branch`) */
  checkoutBranch: string;
  /** the branch pushes go to */
  pushBranch: string;
  /** the commit the checkout is at */
  head: string;
  url: GitUrl;
  /** the environment for git (credentials included) */
  env: Record<string, string>;
  redact: (text: string) => string;
  git: GitSession;
  /** removes the temporary credential files */
  close(): Promise<void>;
}

const subject = (repo: GitRepository): string => `GitRepository ${repo.metadata.namespace ?? 'default'}/${repo.metadata.name}`;

function gitError(repo: GitRepository, what: string, e: unknown, redact: (t: string) => string): ImageReconcileError {
  const message = redact(messageOf(e));
  const reason = /authentication|403|401|permission denied|could not read username|host key/i.test(message) ? Reason.AuthenticationFailed : Reason.GitOperationFailed;
  return new ImageReconcileError(reason, subject(repo), `${what}: ${message}`, { cause: e });
}

/** The branch named by the ref; undefined for the remote's default branch; throws for a tag, commit or semver ref. */
function branchOf(repo: GitRepository, ref: GitRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (ref.branch !== undefined) return ref.branch;
  if (ref.name?.startsWith('refs/heads/') === true) return ref.name.slice('refs/heads/'.length);
  throw new ImageReconcileError(Reason.InvalidSpec, subject(repo),
    'the checkout ref must be a branch (spec.git.checkout.ref.branch, or the GitRepository\'s spec.ref.branch): tags, commits and semver ranges cannot be pushed to', { terminal: true });
}

/** `ls-remote --symref origin HEAD` → the default branch. */
async function defaultBranch(git: GitSession): Promise<string> {
  const out = await git.run(['ls-remote', '--symref', 'origin', 'HEAD']);
  const m = /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(out);
  return m?.[1] ?? 'main';
}

async function remoteHas(git: GitSession, branch: string): Promise<boolean> {
  return (await git.run(['ls-remote', '--heads', 'origin', `refs/heads/${branch}`])).trim() !== '';
}

/** Prepares the checkout; the caller must `close()` it. Throws ImageReconcileError. */
export async function prepareCheckout(req: CheckoutRequest): Promise<Checkout> {
  let url: GitUrl;
  let redact = (t: string): string => t;
  let creds;
  try {
    url = parseGitUrl(req.repo.spec.url);
    creds = credentialsFor(url, req.secret);
    const scrubber = scrubberFor(creds, secretValues(req.secret));
    redact = (t) => scrubber.scrub(t);
  } catch (e) {
    throw new ImageReconcileError(Reason.AuthenticationFailed, subject(req.repo), messageOf(e), { cause: e });
  }
  const session = await openAuthSession(url, creds, { tmpRoot: req.tmpRoot });
  try {
    await mkdir(req.dir, { recursive: true, mode: 0o700 });
    const git = new GitSession(req.dir, { author: req.author, env: session.env, redact, signal: req.signal });
    // commands that print nothing cost simple-git a 50 ms wait each: those are avoided on the common path
    try {
      if (!existsSync(join(req.dir, '.git'))) {
        await git.run(['init']);
        await git.run(['remote', 'add', 'origin', url.url]);
      } else if ((await git.run(['remote', 'get-url', 'origin']).catch(() => '')).trim() !== url.url) {
        await git.ok(['remote', 'remove', 'origin']);
        await git.run(['remote', 'add', 'origin', url.url]);
      }
    } catch (e) {
      throw gitError(req.repo, `preparing the checkout in ${req.dir}`, e, redact);
    }
    const wanted = branchOf(req.repo, req.ref);
    let checkoutBranch: string;
    let pushBranch: string;
    let head: string;
    try {
      checkoutBranch = wanted ?? await defaultBranch(git);
      pushBranch = req.pushBranch ?? checkoutBranch;
      const base = pushBranch !== checkoutBranch && await remoteHas(git, pushBranch) ? pushBranch : checkoutBranch;
      head = await git.fetch('origin', base);
      // tracked files only: setters and reverts never create files, so there is nothing untracked to clean
      await git.run(['checkout', '--force', '-B', pushBranch, head]);
    } catch (e) {
      if (e instanceof ImageReconcileError) throw e;
      // a run killed half-way may leave a rebase, a revert or lock files behind: start the next one afresh
      await rm(req.dir, { recursive: true, force: true });
      throw gitError(req.repo, `fetching ${url.redacted}`, e, redact);
    }
    return { dir: req.dir, checkoutBranch, pushBranch, head, url, env: session.env, redact, git, close: session.close };
  } catch (e) {
    await session.close();
    throw e;
  }
}
