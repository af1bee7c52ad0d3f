import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGitSync, parseHelmRelease } from '../../../../src/api/index.ts';
import {
  defaultReleaseName, gitRefOf, translateFluxDocument, translateFluxGitRepository, translateFluxV1HelmRelease, translateFluxV2HelmRelease,
} from '../../../../src/reconcilers/gitsync/flux/index.ts';

const v2 = (spec: Record<string, unknown>, apiVersion = 'helm.toolkit.fluxcd.io/v2') =>
  ({ apiVersion, kind: 'HelmRelease', metadata: { name: 'podinfo', namespace: 'apps' }, spec });

const chartSpec = { spec: { chart: 'podinfo', version: '>=6.0.0', sourceRef: { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', name: 'podinfo' } } };

test('a Flux v2 HelmRelease becomes a Capstan HelmRelease with the same spec', () => {
  const t = translateFluxV2HelmRelease(v2({
    interval: '5m', chart: chartSpec, releaseName: 'pi', targetNamespace: 'web', values: { replicaCount: 2 },
    valuesFrom: [{ kind: 'ConfigMap', name: 'vals', valuesKey: 'v.yaml', literal: false }],
    install: { remediation: { retries: 3 }, createNamespace: true }, upgrade: { remediation: { retries: 2, strategy: 'uninstall' }, cleanupOnFail: true },
    test: { enable: true }, uninstall: { keepHistory: true }, maxHistory: 3,
  }));
  assert.deepEqual(t.rejected, []);
  assert.deepEqual(t.ignored, []);
  assert.equal(t.object['apiVersion'], 'helm.capstan.dev/v1');
  const spec = t.object['spec'] as Record<string, unknown>;
  assert.deepEqual(spec['chart'], { spec: { chart: 'podinfo', version: '>=6.0.0', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } });
  assert.deepEqual(spec['valuesFrom'], [{ kind: 'ConfigMap', name: 'vals', valuesKey: 'v.yaml' }]);
  assert.deepEqual(spec['driftDetection'], { mode: 'disabled' }, 'Flux\'s default is disabled; Capstan\'s is enabled');
  assert.equal((t.object['metadata'] as { annotations: Record<string, string> }).annotations['capstan.dev/translated-from'], 'helm.toolkit.fluxcd.io/v2, Kind=HelmRelease');
  assert.ok(parseHelmRelease(t.object).ok);
});

test('Flux v2 fields Capstan lacks are ignored and named, dangerous ones reject the document', () => {
  const t = translateFluxV2HelmRelease(v2({
    interval: '5m', chart: { ...chartSpec, metadata: { labels: { a: 'b' } } },
    install: { strategy: { name: 'RetryOnFailure' }, serverSideApply: true }, waitStrategy: { name: 'poller' },
    kubeConfig: { secretRef: { name: 'remote' } }, test: { filters: [{ name: 'x' }] },
  }, 'helm.toolkit.fluxcd.io/v2beta2'));
  assert.deepEqual(t.ignored.map((n) => n.path).sort(), ['spec.chart.metadata', 'spec.install.serverSideApply', 'spec.install.strategy', 'spec.test.filters', 'spec.waitStrategy']);
  assert.deepEqual(t.rejected.map((n) => n.path), ['spec.kubeConfig']);
  const spec = t.object['spec'] as Record<string, Record<string, unknown>>;
  assert.equal(spec['install']?.['strategy'], undefined);
});

test('Flux v2 rejects chartRef, verify, Bucket sources, literal values and other post-renderers', () => {
  const t = translateFluxV2HelmRelease(v2({
    interval: '1m', chartRef: { kind: 'OCIRepository', name: 'x' },
    chart: { spec: { chart: 'c', sourceRef: { kind: 'Bucket', name: 'b' }, verify: { provider: 'cosign' } } },
    valuesFrom: [{ kind: 'Secret', name: 's', literal: true }],
    postRenderers: [{ kustomize: { patchesStrategicMerge: [{}] } }],
  }));
  assert.deepEqual(t.rejected.map((n) => n.path).sort(), [
    'spec.chart.spec.sourceRef.kind', 'spec.chart.spec.verify', 'spec.chartRef', 'spec.postRenderers[0].kustomize.patchesStrategicMerge', 'spec.valuesFrom[0].literal',
  ]);
});

test('v2beta1 valuesFile becomes the first valuesFiles entry', () => {
  const t = translateFluxV2HelmRelease(v2({ interval: '1m', chart: { spec: { chart: './c', sourceRef: { kind: 'GitRepository', name: 'g' }, valuesFile: 'a.yaml', valuesFiles: ['b.yaml'] } } }, 'helm.toolkit.fluxcd.io/v2beta1'));
  assert.deepEqual((t.object['spec'] as { chart: { spec: { valuesFiles: string[] } } }).chart.spec.valuesFiles, ['a.yaml', 'b.yaml']);
});

test('reconcile.fluxcd.io/requestedAt becomes capstan.dev/reconcile-requested-at', () => {
  const doc = { ...v2({ interval: '1m', chart: chartSpec }), metadata: { name: 'x', annotations: { 'reconcile.fluxcd.io/requestedAt': 'now', keep: 'me' } } };
  const a = (translateFluxV2HelmRelease(doc).object['metadata'] as { annotations: Record<string, string> }).annotations;
  assert.equal(a['capstan.dev/reconcile-requested-at'], 'now');
  assert.equal(a['keep'], 'me');
  assert.equal(a['reconcile.fluxcd.io/requestedAt'], undefined);
});

const v1 = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  ({ apiVersion: 'helm.fluxcd.io/v1', kind: 'HelmRelease', metadata: { name: 'podinfo', namespace: 'demo', ...meta }, spec });

test('a Flux v1 Git chart HelmRelease keeps helm-operator\'s defaults', () => {
  const t = translateFluxV1HelmRelease(v1({
    releaseName: 'podinfo', chart: { git: 'git@github.com:org/repo', ref: 'master', path: 'charts/podinfo' },
    values: { image: { repository: 'stefanprodan/podinfo', tag: '1.3.2' } },
  }, { annotations: { 'fluxcd.io/automated': 'true', 'fluxcd.io/tag.chart-image': 'glob:1.3.*', 'filter.fluxcd.io/sidecar': 'semver:~1' } }));
  assert.deepEqual(t.rejected, []);
  assert.deepEqual(t.ignored, []);
  const spec = t.object['spec'] as Record<string, unknown>;
  assert.deepEqual(spec['chart'], { git: { url: 'git@github.com:org/repo', ref: { branch: 'master' }, path: 'charts/podinfo' } });
  assert.equal(spec['interval'], '3m');
  assert.equal(spec['maxHistory'], 10);
  assert.deepEqual(spec['install'], { disableWait: true });
  assert.deepEqual(spec['upgrade'], { disableWait: true });
  const a = (t.object['metadata'] as { annotations: Record<string, string> }).annotations;
  assert.equal(a['capstan.dev/automated'], 'true');
  assert.equal(a['capstan.dev/tag.chart-image'], 'glob:1.3.*');
  assert.equal(a['capstan.dev/tag.sidecar'], 'semver:~1');
  assert.equal(a['fluxcd.io/automated'], undefined);
  assert.ok(parseHelmRelease(t.object).ok, JSON.stringify(parseHelmRelease(t.object)));
});

test('Flux v1 repository chart, valuesFrom, rollback, wait and resetValues', () => {
  const t = translateFluxV1HelmRelease(v1({
    chart: { repository: 'https://charts.example.com/', name: 'redis', version: '10.5.7' },
    targetNamespace: 'cache', timeout: 600, resetValues: false, forceUpgrade: true, skipCRDs: true,
    valueFileSecrets: [{ name: 'legacy' }],
    valuesFrom: [
      { configMapKeyRef: { name: 'cm', key: 'custom.yaml' } },
      { secretKeyRef: { name: 'sec', optional: true } },
      { externalSourceRef: { url: 'https://x/values.yaml', optional: true } },
    ],
    rollback: { enable: true, retry: true, maxRetries: 2, force: true, timeout: 120 },
    test: { enable: true, cleanup: true },
  }));
  assert.deepEqual(t.rejected, []);
  assert.deepEqual(t.ignored.map((n) => n.path), ['spec.valuesFrom[2].externalSourceRef', 'spec.test.cleanup']);
  const spec = t.object['spec'] as Record<string, unknown>;
  assert.equal(spec['releaseName'], 'demo-cache-podinfo');
  assert.deepEqual(spec['chart'], { repository: { url: 'https://charts.example.com/', name: 'redis', version: '10.5.7' } });
  assert.deepEqual(spec['valuesFrom'], [
    { kind: 'Secret', name: 'legacy', valuesKey: 'values.yaml' },
    { kind: 'ConfigMap', name: 'cm', valuesKey: 'custom.yaml', optional: false },
    { kind: 'Secret', name: 'sec', valuesKey: 'values.yaml', optional: true },
  ]);
  assert.deepEqual(spec['install'], { disableWait: false, crds: 'Skip' });
  assert.deepEqual(spec['upgrade'], { disableWait: false, force: true, preserveValues: true, remediation: { retries: 2, remediateLastFailure: true, strategy: 'rollback' } });
  assert.deepEqual(spec['rollback'], { force: true, timeout: 120, disableWait: true });
  assert.deepEqual(spec['test'], { enable: true });
  assert.equal(spec['timeout'], 600);
  assert.ok(parseHelmRelease(t.object).ok);
});

test('Flux v1 rejects Helm 2, cross-namespace values and required external values', () => {
  const t = translateFluxV1HelmRelease(v1({
    helmVersion: 'v2', chart: { git: 'https://g/r', path: 'c' },
    valuesFrom: [{ secretKeyRef: { name: 's', namespace: 'other' } }, { chartFileRef: { path: 'x.yaml' } }],
  }));
  assert.deepEqual(t.rejected.map((n) => n.path), ['spec.helmVersion', 'spec.valuesFrom[0].secretKeyRef.namespace', 'spec.valuesFrom[1].chartFileRef']);
});

test('helm-operator release names and Git refs', () => {
  assert.equal(defaultReleaseName('demo', 'web', undefined), 'demo-web');
  assert.equal(defaultReleaseName('demo', 'web', 'demo'), 'demo-web');
  assert.equal(defaultReleaseName('flux', 'web', 'apps'), 'flux-apps-web');
  assert.deepEqual(gitRefOf('main'), { branch: 'main' });
  assert.deepEqual(gitRefOf('refs/tags/v1'), { name: 'refs/tags/v1' });
  assert.deepEqual(gitRefOf('a'.repeat(40)), { commit: 'a'.repeat(40) });
});

test('Flux GitRepository: ref defaults to master; verify and include reject; sparseCheckout is ignored', () => {
  const doc = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: 'flux-system' },
    spec: { url: 'https://example.com/infra', interval: '1m', sparseCheckout: ['apps'], verify: { mode: 'HEAD' } } };
  const t = translateFluxGitRepository(doc);
  assert.deepEqual((t.object['spec'] as Record<string, unknown>)['ref'], { branch: 'master' });
  assert.deepEqual(t.ignored.map((n) => n.path), ['spec.sparseCheckout']);
  assert.deepEqual(t.rejected.map((n) => n.path), ['spec.verify']);
});

test('translateFluxDocument dispatches by apiVersion and kind, and leaves other documents alone', () => {
  assert.equal(translateFluxDocument({ apiVersion: 'source.toolkit.fluxcd.io/v1beta2', kind: 'OCIRepository' }), undefined);
  assert.equal(translateFluxDocument({ apiVersion: 'v1', kind: 'ConfigMap' }), undefined);
  const hr = translateFluxDocument({ apiVersion: 'source.toolkit.fluxcd.io/v1beta2', kind: 'HelmRepository', metadata: { name: 'r' }, spec: { url: 'oci://ghcr.io/x', type: 'oci', interval: '5m', provider: 'aws' } });
  assert.equal(hr?.object['apiVersion'], 'source.capstan.dev/v1');
  assert.deepEqual(hr?.rejected.map((n) => n.path), ['spec.provider']);
});

test('a Flux Kustomization becomes a GitSync; kustomize and post-build features reject it', () => {
  const ok = translateFluxDocument({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps', namespace: 'flux-system' },
    spec: { interval: '10m', path: './clusters/dev', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' }, wait: true, timeout: '5m', dependsOn: [{ name: 'infra' }] },
  });
  assert.equal(ok?.object['apiVersion'], 'sync.capstan.dev/v1');
  assert.deepEqual(ok?.object['spec'], { interval: '10m', path: './clusters/dev', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' }, timeout: '5m', dependsOn: [{ name: 'infra' }] });
  assert.deepEqual(ok?.ignored.map((n) => n.path), ['spec.wait']);
  assert.ok(parseGitSync(ok?.object).ok);
  const bad = translateFluxDocument({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps' },
    spec: { interval: '10m', prune: true, sourceRef: { kind: 'OCIRepository', name: 'x' }, patches: [{ patch: 'x' }], postBuild: { substitute: { a: 'b' } } },
  });
  assert.deepEqual(bad?.rejected.map((n) => n.path).sort(), ['spec.patches', 'spec.postBuild', 'spec.sourceRef.kind']);
});
