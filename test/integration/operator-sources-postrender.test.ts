/**
 * A chart from a HelmRepository (a real index.yaml + archives made by `helm package`/`helm repo index`,
 * served on loopback) at a semver range, upgraded when the range admits a newer version; and a release with
 * post-renderers (kustomize patches, image override), common metadata and tests enabled.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.ts';
import { helmEnv, helmOk, packageChart } from '../support/helm-package.ts';
import { useOperatorFixture } from '../support/operator-fixture.ts';
import { condition, gitRepository, helmRelease, isReady, waitForHr } from '../support/operator.ts';

const fx = useOperatorFixture({ prefix: 'op-sources', charts: ['webapp'], gitRepository: false });
let server: ChartRepoServer;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'capstan-op-helmrepo-'));
  const env = helmEnv(join(dir, 'helm'));
  await packageChart(join(dir, 'repo'), 'hello', ['1.0.0', '1.1.0', '2.0.0'], env);
  await helmOk(['repo', 'index', join(dir, 'repo')], env);
  server = await startChartRepoServer({ dir: join(dir, 'repo') });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cmData = async (name: string): Promise<Record<string, string> | undefined> =>
  (await fx.kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace: fx.ns }))?.['data'] as Record<string, string> | undefined;

test('a HelmRepository chart at a semver range; widening the range upgrades to the newest match', async () => {
  const { kube, ns } = fx;
  const t0 = Date.now();
  await kube.apply({ apiVersion: 'source.capstan.dev/v1', kind: 'HelmRepository', metadata: { name: 'charts', namespace: ns }, spec: { url: server.url, interval: '1m' } } as never);
  const spec = (version: string) => ({ chart: { spec: { chart: 'hello', version, sourceRef: { kind: 'HelmRepository' as const, name: 'charts' } } } });
  await kube.apply(helmRelease(ns, 'hello', spec('~1.0')));
  let hr = await waitForHr(kube, ns, 'hello', 'Ready', isReady);
  assert.equal(hr.status?.history?.[0]?.chartVersion, '1.0.0');
  assert.equal(hr.status?.['lastAttemptedRevision'], '1.0.0');
  assert.match(String(hr.status?.['lastAttemptedRevisionDigest']), /^sha256:/);
  assert.equal((await cmData('hello'))?.['version'], '1.0.0');
  console.log(`install from a HelmRepository: ${Date.now() - t0} ms`);

  await kube.apply(helmRelease(ns, 'hello', spec('^1')));
  hr = await waitForHr(kube, ns, 'hello', 'upgraded to 1.1.0', (o) => isReady(o) && o.status?.history?.[0]?.chartVersion === '1.1.0');
  assert.equal(hr.status?.history?.[0]?.version, 2);
  const hrepo = await kube.get({ apiVersion: 'source.capstan.dev/v1', kind: 'HelmRepository', name: 'charts', namespace: ns });
  assert.match(String((hrepo?.status as { artifact?: { revision?: string } }).artifact?.revision), /^sha256:/, 'the HelmRepository published its index');
});

test('post-renderers, common metadata and tests', async () => {
  const { kube, ns, repo } = fx;
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'app', {
    chart: { spec: { chart: './charts/webapp', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
    test: { enable: true },
    commonMetadata: { labels: { team: 'platform' } },
    postRenderers: [{ kustomize: {
      images: [{ name: 'nginx', newTag: '1.26' }],
      patches: [
        { patch: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {patched: "yes"}\n' },
        { patch: '- {op: replace, path: /spec/replicas, value: 2}\n', target: { kind: 'Deployment', name: 'app-.*' } },
      ],
    } }],
  }));
  const hr = await waitForHr(kube, ns, 'app', 'Ready and tested', (o) => isReady(o) && condition(o, 'TestSuccess')?.status === 'True');
  assert.match(condition(hr, 'TestSuccess')?.message ?? '', /Helm test succeeded .* 1 test hook\(s\) completed successfully/);
  const dep = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-web', namespace: ns });
  const spec = dep?.spec as { replicas: number; template: { spec: { containers: { image: string }[] } } };
  assert.equal(spec.template.spec.containers[0]?.image, 'nginx:1.26', 'image override');
  assert.equal(spec.replicas, 2, 'JSON 6902 patch');
  assert.equal(dep?.metadata.labels?.['team'], 'platform', 'common metadata');
  assert.deepEqual(await cmData('app-config'), { greeting: 'hello', patched: 'yes' }, 'strategic merge patch');
  assert.equal(condition(hr, 'Drifted')?.reason, 'NoDriftDetected', 'post-rendered objects are compared post-rendered: no false drift');
});
