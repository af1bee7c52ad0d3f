/**
 * Deleting a HelmRelease: uninstall its release (with spec.uninstall's options, as the release's identity)
 * unless it is suspended, the release is already gone, or the release is recorded as another HelmRelease's
 * (ownership.ts: then it is left in place, with a warning event), then drop the finalizer so the object goes.
 */
import { Reason, finalizer, parseHelmRelease } from '../../api/index.ts';
import type { ReconcileContext, Result } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { removeFinalizer } from '../shared/object-writes.ts';
import { describeAccessDenied } from './access-denied.ts';
import type { HelmReleaseObject } from './actions/context.ts';
import { uninstallRelease } from './actions/uninstall.ts';
import type { ReleaseClientFactory } from './release-clients.ts';
import { foreignOwner, ownerRefOf, ownerString, recordedOwner } from './ownership.ts';
import { releaseTarget } from './release-name.ts';

export interface FinalizeDeps {
  kube: KubeClient;
  clients: ReleaseClientFactory;
  events: EventRecorder;
}

export async function finalizeHelmRelease(obj: HelmReleaseObject, deps: FinalizeDeps, ctx: ReconcileContext): Promise<Result> {
  if (!(obj.metadata.finalizers ?? []).includes(finalizer)) return {};
  const parsed = parseHelmRelease(obj);
  if (!parsed.ok) {
    ctx.log.warn('deleting an invalid HelmRelease: its release (if any) is left in place');
  } else if (parsed.value.spec.suspend) {
    ctx.log.info('deleting a suspended HelmRelease: its release is left in place');
  } else {
    const hr = parsed.value;
    const target = releaseTarget(hr);
    const clients = await deps.clients.forRelease(hr, target);
    const history = await clients.cfg.storage.history(target.name);
    const last = history.at(-1);
    const done = last === undefined || (last.info?.status === 'uninstalled' && hr.spec.uninstall.keepHistory);
    const foreign = foreignOwner(ownerRefOf(hr), recordedOwner(history));
    if (!done && foreign !== undefined) {
      const message = `Helm release ${target.storageNamespace}/${target.name} is owned by HelmRelease ${ownerString(foreign)}: left in place (not uninstalled)`;
      deps.events.event(obj, 'Warning', Reason.OwnedByAnotherHelmRelease, message);
      ctx.log.info({ release: `${target.storageNamespace}/${target.name}` }, message);
    } else if (!done) {
      try {
        const r = await uninstallRelease(clients.cfg, target.name, hr.spec);
        deps.events.event(obj, 'Normal', Reason.UninstallSucceeded, `Helm uninstall for release ${target.namespace}/${target.name}.v${r.release.version} succeeded`);
      } catch (e) {
        const message = `Helm uninstall for release ${target.namespace}/${target.name} failed: ${describeAccessDenied(e, clients.identity) ?? (e as Error).message}`;
        deps.events.event(obj, 'Warning', Reason.UninstallFailed, message);
        throw new Error(message, { cause: e });
      }
    }
  }
  await removeFinalizer(deps.kube, obj, finalizer);
  return {};
}
