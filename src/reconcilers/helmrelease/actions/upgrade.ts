/**
 * The upgrade action: `helm upgrade` of the resolved chart with the composed values and spec.upgrade's
 * options. It also adopts releases made outside this HelmRelease (by the helm CLI): the new revision carries
 * the owner labels.
 */
import { deepCopy } from '../../../chart/index.ts';
import { upgrade } from '../../../helm/index.ts';
import type { ReleaseContext } from './context.ts';
import { releaseLabels } from './install.ts';
import { isLocked, releaseFailed, releaseSucceeded } from './release-outcome.ts';
import { upgradeFlags } from './action-options.ts';

export async function runUpgrade(ctx: ReleaseContext): Promise<boolean> {
  const { spec } = ctx.hr;
  ctx.obj.status.lastAttemptedReleaseAction = 'upgrade';
  try {
    const rel = await upgrade(ctx.clients.cfg, {
      name: ctx.target.name, namespace: ctx.target.namespace, chart: ctx.chart.load(), values: deepCopy(ctx.values),
      ...upgradeFlags(spec), labels: releaseLabels(ctx, 'upgrade'),
    });
    releaseSucceeded(ctx, 'upgrade', rel);
    return true;
  } catch (e) {
    if (isLocked(e)) throw e;
    releaseFailed(ctx, 'upgrade', e);
    return false;
  }
}
