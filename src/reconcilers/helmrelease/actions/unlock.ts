/**
 * The unlock action: a revision left pending (its writer crashed, or the helm CLI died) is recovered under
 * the release's operation lock — marked failed, saying why — so remediation can take over. A pending
 * revision whose writer still holds the lock stays: the Locked error goes back to the queue.
 */
import { ConditionType, Reason, markFalse } from '../../../api/index.ts';
import { recoverStalePending } from '../../../helm/index.ts';
import { withReleaseLock } from '../../../helm/operation-lock.ts';
import { record, releaseRef, type ReleaseContext } from './context.ts';

export async function runUnlock(ctx: ReleaseContext): Promise<boolean> {
  const recovered = await withReleaseLock(ctx.clients.cfg, ctx.target.name, () => recoverStalePending(ctx.clients.cfg, ctx.target.name));
  if (recovered === undefined) return true;
  const message = `Release ${releaseRef(ctx, recovered.version)} was left pending and has been unlocked: ${recovered.info?.description ?? ''}`;
  markFalse(ctx.obj, ConditionType.Released, Reason.ReleaseUnlocked, message);
  record(ctx, 'Warning', Reason.ReleaseUnlocked, message);
  return true;
}
