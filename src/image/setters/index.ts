/**
 * Setters write-back (Flux's `update.strategy: Setters`): set the YAML values marked
 * `# {"$imagepolicy": "ns:name[:tag|:name|:digest]"}` from the policies' choices, editing only those scalars;
 * build the commit message; commit and push with simple-git, rebasing (or re-applying on the new head) when a
 * concurrent push wins; revert a commit when a rollout proves bad.
 *
 * ```ts
 * const policies = { 'apps:myapp': { image: '127.0.0.1:5000/myapp', tag: '1.1.0' } };
 * const r = await writeBack(checkoutDir, { path: './clusters/dev', policies },
 *   { author: { name: 'capstan', email: 'capstan@localhost' }, branch: 'main', logger });
 * // r.pushed, r.commit, r.changes: [{ file, line, oldValue: '1.0.0', newValue: '1.1.0', policy: 'apps:myapp', … }]
 * await revertCommit(checkoutDir, r.commit!, 'apps/k8sdemo did not become ready', { author, branch: 'main', logger });
 * ```
 */
export type {
  PolicyValue, PolicyValues, SourceFile, MarkerField, ObjectRef, SetterChange, SetterWarning, SetterResult,
} from './types.ts';
export { formatWarning } from './types.ts';
export { parseMarker, type Marker } from './marker.ts';
export { updateYamlText, type FileUpdate } from './yaml-file.ts';
export { applySetters, applySettersInDir, readUpdateFiles, writeUpdateFiles, resolveUpdatePath } from './apply.ts';
export { defaultCommitMessage, DEFAULT_SUBJECT, type CommitMessageOptions } from './commit-message.ts';
export { WriteBackError, isWriteBackError, type WriteBackErrorCode } from './errors.ts';
export { writeBack, type SetterUpdate, type WriteBackOptions, type WriteBackResult } from './write-back.ts';
export { revertCommit, revertMessage, type RevertOptions, type RevertResult } from './revert.ts';
export { pushWithRetry, type PushRetryOptions, type PushRetryResult } from './push-retry.ts';
export { GitSession, type GitAuthor, type GitSessionOptions, type PushOutcome } from './git-session.ts';
