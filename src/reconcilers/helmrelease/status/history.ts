/**
 * `status.history`: snapshots of the release's revisions as storage holds them, newest first, back to the
 * previous successful one (Flux's Snapshots). The digest is of the stored release JSON, so any change to a
 * record (a test run, a status change) shows.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '../../../api/index.ts';
import { releaseJson, type GoTime, type Release } from '../../../release/index.ts';
import { configDigest } from '../config-digest.ts';

const seconds = (t: GoTime | undefined): string | undefined => (t === undefined ? undefined : `${new Date(t.ms).toISOString().slice(0, 19)}Z`);

function testHooks(r: Release): Snapshot['testHooks'] {
  const tests = (r.hooks ?? []).filter((h) => h.events.includes('test'));
  if (tests.length === 0) return undefined;
  const out: NonNullable<Snapshot['testHooks']> = {};
  for (const h of tests) {
    const started = seconds(h.last_run.started_at);
    const completed = seconds(h.last_run.completed_at);
    out[h.name] = {
      ...(started !== undefined ? { lastStarted: started } : {}),
      ...(completed !== undefined ? { lastCompleted: completed } : {}),
      ...(h.last_run.phase !== '' ? { phase: h.last_run.phase } : {}),
    };
  }
  return out;
}

export function snapshotOf(r: Release): Snapshot {
  const meta = r.chart?.metadata;
  const deleted = seconds(r.info?.deleted);
  const tests = testHooks(r);
  return {
    apiVersion: 'v1',
    digest: `sha256:${createHash('sha256').update(releaseJson(r)).digest('hex')}`,
    name: r.name,
    namespace: r.namespace,
    version: r.version,
    status: r.info?.status ?? 'unknown',
    chartName: meta?.name ?? '',
    chartVersion: meta?.version ?? '',
    ...(meta?.appVersion ? { appVersion: meta.appVersion } : {}),
    configDigest: configDigest(r.config),
    firstDeployed: seconds(r.info?.first_deployed) ?? '1970-01-01T00:00:00Z',
    lastDeployed: seconds(r.info?.last_deployed) ?? '1970-01-01T00:00:00Z',
    ...(deleted !== undefined ? { deleted } : {}),
    ...(tests !== undefined ? { testHooks: tests } : {}),
  };
}

const successful = (r: Release): boolean => r.info?.status === 'deployed' || r.info?.status === 'superseded';

/** Newest first, down to and including the newest successful revision below the newest one. */
export function historySnapshots(history: readonly Release[], max = 10): Snapshot[] {
  const out: Snapshot[] = [];
  const newestFirst = [...history].reverse();
  for (const [i, r] of newestFirst.entries()) {
    out.push(snapshotOf(r));
    if (out.length >= max || (i > 0 && successful(r))) break;
  }
  return out;
}
