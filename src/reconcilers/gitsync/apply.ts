/**
 * Applying a sync's objects with server-side apply (field manager `capstan-gitsync`), all or nothing as far as the
 * API server lets us:
 *
 * 1. observe: read every object live (an object another GitSync applied is a conflict); one of this GitSync's
 *    still applied as `capstan` (before GitSync had its own field manager) is handed over first;
 * 2. dry-run every object (server-side, so admission, schemas and CEL rules all run) before writing
 *    anything; a rejection fails the sync naming the file and line, and nothing is written. Objects in a
 *    namespace, or of a kind, that this sync creates cannot be dry-run before that namespace or CRD exists:
 *    they are dry-run right after stage 1;
 * 3. decide: an object whose dry-run equals the live object is left alone (a no-op sync writes nothing);
 * 4. act: stage 1, Namespaces and CustomResourceDefinitions, then wait until the CRDs are Established;
 *    stage 2, everything else in Helm's install order (ConfigMaps before Deployments, custom resources last).
 */
import { INSTALL_ORDER, sortByKind } from '../../render/kind-sorter.ts';
import { refOf, waitForReady, type KubeClient, type KubeObject } from '../../kube/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { DesiredObject } from './build.ts';
import { changeOf, subjectOf, type ChangeAction, type ChangeSetEntry } from './changes.ts';
import { mapLimit } from './concurrency.ts';
import { GitSyncError, type Problem } from './errors.ts';
import { handOverFields } from './field-manager-migration.ts';
import { gitSyncFieldManager, ownerOf, ownerId, type Owner } from './ownership.ts';
import { getRaw } from './raw-get.ts';
import { idOf, isCrd, type ScopeLookup } from './scope.ts';
import { Reason } from '../../api/index.ts';

export interface ApplyOptions {
  kube: KubeClient;
  lookup: ScopeLookup;
  owner: Owner;
  log: Logger;
  /** how long to wait for CRDs to be Established */
  timeoutMs: number;
  signal: AbortSignal;
  /** parallel requests (default 8) */
  concurrency?: number;
}

interface Planned {
  desired: DesiredObject;
  live: KubeObject | undefined;
  dryRun?: KubeObject;
  action?: ChangeAction;
  written?: boolean;
}

const isStage1 = (o: KubeObject): boolean => (o.kind === 'Namespace' && o.apiVersion === 'v1') || isCrd(o);

/** Applies `objects` (namespaces settled); returns one entry per object. Throws ApplyFailed GitSyncErrors. */
export async function applyObjects(objects: readonly DesiredObject[], opts: ApplyOptions): Promise<ChangeSetEntry[]> {
  const n = opts.concurrency ?? 8;
  const unreadable: Problem[] = [];
  const planned: Planned[] = await mapLimit(objects, n, async (desired) => {
    try {
      return { desired, live: await getRaw(opts.kube, refOf(desired.object)) };
    } catch (e) {
      unreadable.push({ at: desired.at, object: subjectOf(desired.object), message: serverMessage(e) });
      return { desired, live: undefined };
    }
  });
  failOn(unreadable);
  failOn(planned.flatMap((p) => conflict(p, opts.owner)));
  await mapLimit(planned, n, async (p) => {
    if (p.live !== undefined) p.live = await handOverFields(opts.kube, p.live, opts.owner, opts.log);
  });
  const stage1 = planned.filter((p) => isStage1(p.desired.object));
  const stage2 = sortByKind(planned.filter((p) => !isStage1(p.desired.object)), (p) => p.desired.object.kind, INSTALL_ORDER);
  const newNamespaces = new Set(stage1.filter((p) => p.live === undefined && p.desired.object.kind === 'Namespace').map((p) => p.desired.object.metadata.name));
  const deferred = new Set<Planned>();
  for (const p of stage2) {
    const o = p.desired.object;
    if ((o.metadata.namespace !== undefined && newNamespaces.has(o.metadata.namespace)) || await opts.lookup(o.apiVersion, o.kind) === undefined) deferred.add(p);
  }
  await dryRunAll([...stage1, ...stage2.filter((p) => !deferred.has(p))], opts, n);
  try {
    await writeChanged(stage1, opts);
    const crds = stage1.filter((p) => isCrd(p.desired.object)).map((p) => refOf(p.desired.object));
    if (crds.length > 0) await waitForCrds(crds, opts);
    await dryRunAll([...deferred], opts, n);
    await writeChanged(stage2, opts);
  } catch (e) {
    if (e instanceof GitSyncError) e.applied = planned.filter((p) => p.written === true).map((p) => idOf(p.desired.object));
    throw e;
  }
  return planned.map((p) => ({ id: idOf(p.desired.object), subject: subjectOf(p.desired.object), action: p.action ?? 'unchanged' }));
}

function conflict(p: Planned, owner: Owner): Problem[] {
  const other = p.live !== undefined ? ownerOf(p.live) : undefined;
  if (other === undefined || other === ownerId(owner)) return [];
  return [{ at: p.desired.at, object: subjectOf(p.desired.object), message: `already applied by GitSync ${other}; remove it there (or from this path) first` }];
}

function failOn(problems: Problem[]): void {
  if (problems.length > 0) throw new GitSyncError(Reason.ApplyFailed, problems);
}

/** The API server's own words, without the client's "apply Kind ns/name: " (or "get …: ") prefix. */
function serverMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^(apply|get) [^:]*: /, '');
}

async function dryRunAll(items: readonly Planned[], opts: ApplyOptions, n: number): Promise<void> {
  const problems: Problem[] = [];
  await mapLimit(items, n, async (p) => {
    try {
      p.dryRun = await opts.kube.apply(p.desired.object, { force: true, dryRun: true, fieldManager: gitSyncFieldManager });
      p.action = changeOf(p.live, p.dryRun);
    } catch (e) {
      problems.push({ at: p.desired.at, object: subjectOf(p.desired.object), message: serverMessage(e) });
    }
  });
  failOn(problems);
}

async function writeChanged(items: readonly Planned[], opts: ApplyOptions): Promise<void> {
  const problems: Problem[] = [];
  for (const p of items) {
    if (p.action === 'unchanged') continue;
    if (opts.signal.aborted) throw new GitSyncError(Reason.ApplyFailed, [{ message: 'stopped before every object was applied' }]);
    try {
      await opts.kube.apply(p.desired.object, { force: true, fieldManager: gitSyncFieldManager });
      p.written = true;
      opts.log.debug({ object: subjectOf(p.desired.object), action: p.action }, 'applied');
    } catch (e) {
      p.action = 'unchanged';
      problems.push({ at: p.desired.at, object: subjectOf(p.desired.object), message: serverMessage(e) });
    }
  }
  failOn(problems);
}

async function waitForCrds(refs: ReturnType<typeof refOf>[], opts: ApplyOptions): Promise<void> {
  try {
    await waitForReady(opts.kube, refs, { timeoutMs: opts.timeoutMs, intervalMs: 250, signal: opts.signal });
  } catch (e) {
    throw new GitSyncError(Reason.ApplyFailed, [{ message: `CustomResourceDefinitions not established: ${e instanceof Error ? e.message : String(e)}` }], { cause: e });
  }
}
