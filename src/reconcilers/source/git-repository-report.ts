/**
 * How a GitRepository's fetch shows in its status and in Events (Flux source-controller's conditions):
 * - success: `ArtifactInStorage=True` (Succeeded, "stored artifact for revision '…'"), FetchFailed,
 *   StorageOperationFailed, Reconciling and Stalled removed, Ready computed by `summarize` → True;
 * - failure: `FetchFailed=True` (or `StorageOperationFailed=True`) with the GitSourceError code as reason and
 *   its (credential-free) message; the last artifact and its ArtifactInStorage condition stay; terminal codes
 *   (InvalidUrl, InvalidRef, InvalidSecret) add `Stalled=True`; Ready → False with the same reason;
 * - a new revision (or generation) being fetched: `Reconciling=True` (Progressing), Ready Unknown.
 * Events: Normal `NewArtifact` on a new revision, Warning `<code>` when a failure's message is new.
 */
import {
  ConditionType, Reason, deleteCondition, getCondition, markReconciling, markStalled, markTrue, markUnknown, summarize,
  type Artifact, type GitRepositoryStatus,
} from '../../api/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';

export type GitRepositoryObject = KubeObject & { status?: GitRepositoryStatus };

/** The annotation Events carry the revision in. */
export const revisionAnnotation = 'source.capstan.dev/revision';

const summary = [ConditionType.FetchFailed, ConditionType.StorageOperationFailed, ConditionType.ArtifactInStorage];

export interface SourceReporter {
  /** the working copy whose status is changed */
  obj: GitRepositoryObject;
  /** the object Events are about */
  involved: KubeObject;
  events: EventRecorder;
}

/** A fetch that may bring a new artifact has started. */
export function reportProgress(obj: GitRepositoryObject, message: string): void {
  markReconciling(obj, Reason.Progressing, message);
  markUnknown(obj, ConditionType.Ready, Reason.Progressing, message);
}

/** The artifact is stored; returns whether its revision is new. */
export function reportArtifact(r: SourceReporter, artifact: Artifact): boolean {
  const status = (r.obj.status ??= {});
  const previous = status.artifact;
  status.artifact = artifact;
  status.url = artifact.url;
  const message = `stored artifact for revision '${artifact.revision}'`;
  for (const t of [ConditionType.FetchFailed, ConditionType.StorageOperationFailed, ConditionType.Reconciling, ConditionType.Stalled]) deleteCondition(r.obj, t);
  markTrue(r.obj, ConditionType.ArtifactInStorage, Reason.Succeeded, message);
  summarize(r.obj, { conditions: summary });
  const isNew = previous?.revision !== artifact.revision;
  if (isNew) r.events.event(r.involved, 'Normal', Reason.NewArtifact, message, { [revisionAnnotation]: artifact.revision });
  return isNew;
}

export interface FetchFailure {
  /** the condition reason: a GitErrorCode, or AuthenticationFailed for a missing Secret */
  reason: string;
  message: string;
  /** storing failed, not fetching */
  storage: boolean;
  /** retrying the same spec cannot help */
  terminal: boolean;
}

/** The fetch failed; the previous artifact (if any) stays. */
export function reportFailure(r: SourceReporter, f: FetchFailure): void {
  const type = f.storage ? ConditionType.StorageOperationFailed : ConditionType.FetchFailed;
  const was = getCondition(r.obj, type);
  deleteCondition(r.obj, f.storage ? ConditionType.FetchFailed : ConditionType.StorageOperationFailed);
  markTrue(r.obj, type, f.reason, f.message);
  if (f.terminal) markStalled(r.obj, f.reason, f.message);
  else {
    deleteCondition(r.obj, ConditionType.Stalled);
    deleteCondition(r.obj, ConditionType.Reconciling);
  }
  summarize(r.obj, { conditions: summary });
  if (was?.status !== 'True' || was.message !== f.message || was.reason !== f.reason) {
    r.events.event(r.involved, 'Warning', f.reason, f.message);
  }
}

/** The spec does not parse: Stalled and Ready=False with the field paths. */
export function reportInvalidSpec(obj: GitRepositoryObject, message: string): void {
  markStalled(obj, Reason.InvalidSpec, message);
  summarize(obj, { conditions: summary });
}
