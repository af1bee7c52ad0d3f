/** The install action: `helm install` of the resolved chart with the composed values and spec.install's options. */
import { deepCopy } from '../../../chart/index.ts';
import { deletedLabelValue, install } from '../../../helm/index.ts';
import { ownerLabels } from '../release-name.ts';
import { postRenderDigestLabel } from '../release-state.ts';
import type { ReleaseContext } from './context.ts';
import { isLocked, releaseFailed, releaseSucceeded } from './release-outcome.ts';
import { installFlags } from './action-options.ts';

/**
 * Labels on the release records: the owner, and the post-render settings' digest when there are any. An
 * upgrade merges them over the previous revision's labels (as Helm does), so without post-renderers it must
 * say "null" to drop an old digest — else the release would look out of sync for ever.
 */
export function releaseLabels(ctx: Pick<ReleaseContext, 'hr' | 'postRenderDigest'>, action: 'install' | 'upgrade'): Record<string, string> {
  const digest = ctx.postRenderDigest !== '' ? ctx.postRenderDigest : action === 'upgrade' ? deletedLabelValue : undefined;
  return { ...ownerLabels(ctx.hr), ...(digest !== undefined ? { [postRenderDigestLabel]: digest } : {}) };
}

/** Returns true on success; a failure is recorded (and counted), not thrown, unless the release is locked. */
export async function runInstall(ctx: ReleaseContext): Promise<boolean> {
  const { spec } = ctx.hr;
  ctx.obj.status.lastAttemptedReleaseAction = 'install';
  try {
    const rel = await install(ctx.clients.cfg, {
      name: ctx.target.name, namespace: ctx.target.namespace, chart: ctx.chart.load(), values: deepCopy(ctx.values),
      ...installFlags(spec), labels: releaseLabels(ctx, 'install'),
    });
    releaseSucceeded(ctx, 'install', rel);
    return true;
  } catch (e) {
    if (isLocked(e)) throw e;
    releaseFailed(ctx, 'install', e);
    return false;
  }
}
