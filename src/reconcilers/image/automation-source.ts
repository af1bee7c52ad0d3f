/**
 * What an ImageUpdateAutomation reads before touching Git: its GitRepository (from the cache, or a GET when
 * GitRepositories are not cached here), that repository's credentials Secret, and a checkout of the branch to
 * push to (git-checkout.ts), handed to a function and cleaned up after it.
 */
import { join } from 'node:path';
import { Reason, formatIssues, parseGitRepository, type GitRepository, type ImageUpdateAutomation } from '../../api/index.ts';
import type { CacheReader } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import { configReader } from '../shared/object-reader.ts';
import { gitRepositoryGvk } from '../shared/kinds.ts';
import { ImageReconcileError } from './errors.ts';
import { prepareCheckout, type Checkout } from './git-checkout.ts';

export interface SourceAccess {
  kube: KubeClient;
  cache: CacheReader;
  /** the automations' working directories go under it */
  workDir: string;
  signal: AbortSignal;
}

const subjectOf = (a: ImageUpdateAutomation): string => `ImageUpdateAutomation ${a.metadata.namespace ?? 'default'}/${a.metadata.name}`;

/** `namespace/name` of the GitRepository an automation writes to. */
export function sourceKeyOf(a: { metadata: { namespace?: string | undefined }; spec?: { sourceRef?: { name: string; namespace?: string | undefined } } }): string | undefined {
  const ref = a.spec?.sourceRef;
  return ref === undefined ? undefined : `${ref.namespace ?? a.metadata.namespace ?? 'default'}/${ref.name}`;
}

/** The working checkout directory of automation `namespace/name`. */
export function checkoutDir(workDir: string, namespace: string, name: string): string {
  return join(workDir, namespace || 'default', name);
}

/** The GitRepository; throws ImageReconcileError(DependencyNotReady) when it is missing or invalid. */
export async function automationSource(a: ImageUpdateAutomation, s: SourceAccess): Promise<GitRepository> {
  const key = sourceKeyOf(a) ?? '';
  const [ns = '', name = ''] = key.split('/');
  const raw = s.cache.has(gitRepositoryGvk)
    ? s.cache.get(gitRepositoryGvk, key)
    : await s.kube.get({ apiVersion: gitRepositoryGvk.apiVersion, kind: gitRepositoryGvk.kind, name, namespace: ns });
  if (raw === undefined) throw new ImageReconcileError(Reason.DependencyNotReady, subjectOf(a), `GitRepository ${key} not found`);
  const parsed = parseGitRepository(raw);
  if (!parsed.ok) throw new ImageReconcileError(Reason.DependencyNotReady, subjectOf(a), `GitRepository ${key} is invalid: ${formatIssues(parsed.issues)}`);
  return parsed.value;
}

/** Runs `fn` on a fresh checkout of the automation's branch; the credential files are removed after. */
export async function withCheckout<T>(a: ImageUpdateAutomation, s: SourceAccess, fn: (c: Checkout, repo: GitRepository) => Promise<T>): Promise<T> {
  const repo = await automationSource(a, s);
  const ns = repo.metadata.namespace ?? 'default';
  const secretName = repo.spec.secretRef?.name;
  const secret = secretName !== undefined ? await configReader(s.kube, s.cache).read('Secret', ns, secretName) : undefined;
  if (secretName !== undefined && secret === undefined) {
    throw new ImageReconcileError(Reason.AuthenticationFailed, subjectOf(a), `Secret ${ns}/${secretName} of GitRepository ${ns}/${repo.metadata.name} not found`);
  }
  const checkout = await prepareCheckout({
    dir: checkoutDir(s.workDir, a.metadata.namespace ?? 'default', a.metadata.name),
    tmpRoot: join(s.workDir, '.tmp'),
    repo, secret: secret?.data,
    ref: a.spec.git.checkout?.ref ?? repo.spec.ref,
    pushBranch: a.spec.git.push?.branch,
    author: a.spec.git.commit.author,
    signal: s.signal,
  });
  try {
    return await fn(checkout, repo);
  } finally {
    await checkout.close();
  }
}
