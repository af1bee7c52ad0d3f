/**
 * `capstan suspend hr` stops all action (a values change is not applied and nothing is written);
 * `capstan resume hr` applies it; `capstan get hr` lists the release; deleting the HelmRelease uninstalls
 * the release (records and objects gone) before the object goes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretsDriver, Storage } from '../../src/release/index.ts';
import { capstan, ok } from '../support/capstan-cli.ts';
import { eventually } from '../support/cluster.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { getHr, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-suspend', charts: ['tiny'] });

const spec = (greeting: string) => ({ chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository' as const, name: 'infra' } } }, values: { greeting } });
const greeting = async (name: string): Promise<string | undefined> =>
  ((await fx.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: `${name}-greeting`, namespace: fx.ns }))?.['data'] as Record<string, string> | undefined)?.['greeting'];

test('suspend stops all action, resume applies what changed meanwhile; get hr lists it', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'web', spec('one')));
  await waitForHr(kube, ns, 'web', 'Ready', isReady);
  const listed = await ok(capstan(['get', 'hr', '-n', ns]), 'capstan get hr');
  assert.match(listed, /NAME\s+READY\s+STATUS\s+REVISION\s+CHART\s+AGE/);
  assert.match(listed, /web\s+True\s+Helm install succeeded .*\s+1\s+tiny@0\.1\.0\s+/);

  await ok(capstan(['suspend', 'hr', 'web', '-n', ns]), 'capstan suspend hr');
  await kube.apply(helmRelease(ns, 'web', { ...spec('two'), suspend: true }));
  const before = await getHr(kube, ns, 'web');
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal(await greeting('web'), 'one', 'no upgrade while suspended');
  assert.equal((await getHr(kube, ns, 'web'))?.metadata.resourceVersion, before?.metadata.resourceVersion, 'no status write while suspended');
  assert.match(await ok(capstan(['get', 'hr', '-n', ns]), 'capstan get hr'), /Suspended/);

  const t0 = Date.now();
  const out = await ok(capstan(['resume', 'hr', 'web', '-n', ns, '--timeout', '40s']), 'capstan resume hr');
  assert.match(out, /reconciliation completed/);
  assert.match(out, /release web\.v2/);
  assert.equal(await greeting('web'), 'two');
  console.log(`resume → upgrade: ${Date.now() - t0} ms`);
});

test('deleting the HelmRelease uninstalls its release', async () => {
  const { kube, ns } = fx;
  await kube.apply(helmRelease(ns, 'gone', spec('bye')));
  await waitForHr(kube, ns, 'gone', 'Ready', isReady);
  assert.equal(await greeting('gone'), 'bye');
  const t0 = Date.now();
  await kube.delete({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'gone', namespace: ns });
  await eventually('the HelmRelease to be gone', 30_000, async () => ((await getHr(kube, ns, 'gone')) === undefined ? true : undefined));
  console.log(`delete → uninstalled: ${Date.now() - t0} ms`);
  assert.equal(await greeting('gone'), undefined, 'the release objects are deleted');
  assert.equal((await new Storage(new SecretsDriver(kube.core, ns)).history('gone')).length, 0, 'the release records are deleted');
  const events = (await kube.list('v1', 'Event', ns)).filter((e) => e['reason'] === 'UninstallSucceeded');
  assert.ok(events.some((e) => String(e['message']).includes(`${ns}/gone`)));
});
