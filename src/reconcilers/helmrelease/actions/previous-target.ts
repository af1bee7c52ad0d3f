/**
 * Acting on a changed release target (target-change.ts decides): read the release at the old target, then
 * uninstall it when it is this HelmRelease's (or nobody's), leave it when another HelmRelease owns it, and in
 * every case forget it in status (history, failure counters), so the new target is installed afresh. An
 * uninstall that fails is recorded and thrown: status still names the old target, so the next reconcile
 * tries again before anything is installed at the new one.
 */
import { Reason, type HelmRelease, type HelmReleaseStatus } from '../../../api/index.ts';
import type { Logger } from '../../../observability/logger.ts';
import type { EventRecorder } from '../../shared/events.ts';
import { describeAccessDenied } from '../access-denied.ts';
import { ownerRefOf, ownerString } from '../ownership.ts';
import { recordError } from '../record-error.ts';
import type { ReleaseClients } from '../release-clients.ts';
import { clearFailures } from '../status/failures.ts';
import { decidePreviousTarget, type TargetChange } from '../target-change.ts';
import { errorMessage, type HelmReleaseObject } from './context.ts';
import { uninstallRelease } from './uninstall.ts';

export interface PreviousTargetInput {
  obj: HelmReleaseObject & { status: HelmReleaseStatus };
  hr: HelmRelease;
  change: TargetChange;
  /** the clients of the old target (its storage namespace) */
  clients: ReleaseClients;
  events: EventRecorder;
  log: Logger;
}

/** Forgets the old target in status, like Flux's ClearHistory and ClearFailures. */
function forget(status: HelmReleaseStatus): void {
  delete status.history;
  delete status.inventory;
  clearFailures(status);
}

export async function releasePreviousTarget(i: PreviousTargetInput): Promise<void> {
  const { change, obj } = i;
  const prev = change.previous;
  const why = `Release target configuration changed (${change.detail})`;
  const log = i.log.child({ previous: `${prev.storageNamespace}/${prev.name}`, reason: change.reason });
  const history = await i.clients.cfg.storage.history(prev.name);
  const verdict = decidePreviousTarget(ownerRefOf(i.hr), history);
  switch (verdict.kind) {
    case 'forget':
      log.info(`release target configuration changed (${change.reason}): no release left at the previous target`);
      break;
    case 'leave': {
      const message = `${why}: Helm release ${prev.storageNamespace}/${prev.name} is owned by HelmRelease ${ownerString(verdict.owner)}: left in place (not uninstalled)`;
      i.events.event(obj, 'Warning', Reason.OwnedByAnotherHelmRelease, message);
      log.info(message);
      break;
    }
    case 'uninstall': {
      log.info(`release target configuration changed (${change.reason}): running uninstall for current release`);
      const chart = `${change.previousChartName}@${verdict.release.chart?.metadata?.version ?? '?'}`;
      try {
        const r = await uninstallRelease(i.clients.cfg, prev.name, i.hr.spec);
        i.events.event(obj, 'Normal', Reason.UninstallSucceeded,
          `${why}: Helm uninstall for release ${prev.namespace}/${prev.name}.v${r.release.version} with chart ${chart} succeeded`);
      } catch (e) {
        const message = `${why}: Helm uninstall for release ${prev.namespace}/${prev.name} with chart ${chart} failed: ${describeAccessDenied(e, i.clients.identity) ?? errorMessage(e)}`;
        recordError(obj, i.events, Reason.UninstallFailed, message);
        throw new Error(message, { cause: e });
      }
      break;
    }
  }
  forget(obj.status);
}
