import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHelmRelease, type HelmRelease } from '../../../src/api/index.ts';

const base = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'helm.capstan.dev/v1',
  kind: 'HelmRelease',
  metadata: { name: 'web', namespace: 'apps', ...metadata },
  spec: { interval: '5m', chart: { spec: { chart: 'web', sourceRef: { kind: 'HelmRepository', name: 'charts' } } }, ...spec },
});

function ok(input: unknown): HelmRelease {
  const r = parseHelmRelease(input);
  if (!r.ok) assert.fail(`expected valid, got ${JSON.stringify(r.issues)}`);
  return r.value;
}

function issues(input: unknown): { path: string; message: string }[] {
  const r = parseHelmRelease(input);
  assert.equal(r.ok, false, 'expected issues');
  return r.ok ? [] : r.issues;
}

test('HelmRelease: a minimal object gets every default, in every action block', () => {
  const hr = ok(base({}));
  assert.equal(hr.spec.maxHistory, 5);
  assert.equal(hr.spec.suspend, false);
  assert.equal(hr.spec.chart.spec?.version, '*');
  assert.equal(hr.spec.chart.spec?.reconcileStrategy, 'ChartVersion');
  assert.deepEqual(hr.spec.install, {
    remediation: { retries: 0 }, crds: 'Create', createNamespace: false, disableWait: false, disableWaitForJobs: false,
    disableHooks: false, disableSchemaValidation: false, replace: false, skipCRDs: false,
  });
  assert.equal(hr.spec.upgrade.crds, 'Skip');
  assert.equal(hr.spec.upgrade.remediation.strategy, 'rollback');
  assert.equal(hr.spec.uninstall.deletionPropagation, 'background');
  assert.equal(hr.spec.test.enable, false);
  assert.equal(hr.spec.rollback.force, false);
  assert.deepEqual(hr.spec.driftDetection, { mode: 'enabled' });
  assert.equal(hr.status, undefined);
});

test('HelmRelease: values stay free-form, valuesFrom gets valuesKey values.yaml', () => {
  const values = { replicaCount: 2, image: { tag: '1.0' }, list: [1, { a: null }], 'dotted.key': true };
  const hr = ok(base({ values, valuesFrom: [{ kind: 'Secret', name: 's' }, { kind: 'ConfigMap', name: 'c', valuesKey: 'x.yaml', targetPath: 'a.b', optional: true }] }));
  assert.deepEqual(hr.spec.values, values);
  assert.deepEqual(hr.spec.valuesFrom, [
    { kind: 'Secret', name: 's', valuesKey: 'values.yaml', optional: false },
    { kind: 'ConfigMap', name: 'c', valuesKey: 'x.yaml', targetPath: 'a.b', optional: true },
  ]);
});

test('HelmRelease: Flux v1 inline chart forms', () => {
  const git = ok(base({ chart: { git: { url: 'git@github.com:org/repo', ref: { branch: 'master' }, path: 'charts/podinfo' } } }));
  assert.deepEqual(git.spec.chart, { git: { url: 'git@github.com:org/repo', ref: { branch: 'master' }, path: 'charts/podinfo' } });
  const repo = ok(base({ chart: { repository: { url: 'https://stefanprodan.github.io/podinfo', name: 'podinfo', version: '6.5.0', secretRef: { name: 'auth' } } } }));
  assert.equal(repo.spec.chart.repository?.version, '6.5.0');
  assert.equal(repo.spec.chart.spec, undefined);
});

test('HelmRelease: exactly one chart form', () => {
  assert.deepEqual(issues(base({ chart: {} })), [{ path: 'spec.chart', message: 'exactly one of spec, git or repository must be set' }]);
  const both = issues(base({ chart: { spec: { chart: 'a', sourceRef: { kind: 'GitRepository', name: 'g' } }, git: { url: 'https://h/r.git', path: 'c' } } }));
  assert.deepEqual(both, [{ path: 'spec.chart', message: 'exactly one of spec, git or repository must be set, not spec and git' }]);
});

test('HelmRelease: integer timeouts (Flux v1 seconds) become duration strings', () => {
  const hr = ok(base({ timeout: 300, install: { timeout: '10m' }, test: { enable: true, timeout: 60 } }));
  assert.equal(hr.spec.timeout, '300s');
  assert.equal(hr.spec.install.timeout, '10m');
  assert.equal(hr.spec.test.timeout, '60s');
});

const errorCases: [string, Record<string, unknown>, { path: string; message: string }[]][] = [
  ['a string where an integer goes', { install: { remediation: { retries: 'three' } } },
    [{ path: 'spec.install.remediation.retries', message: 'Invalid value: "three": must be of type number' }]],
  ['an unknown enum value', { upgrade: { crds: 'Always' } },
    [{ path: 'spec.upgrade.crds', message: 'Unsupported value: "Always": supported values: "Skip", "Create", "CreateReplace"' }]],
  ['a bad remediation strategy', { upgrade: { remediation: { strategy: 'retry' } } },
    [{ path: 'spec.upgrade.remediation.strategy', message: 'Unsupported value: "retry": supported values: "rollback", "uninstall"' }]],
  ['a bad valuesFrom kind, by index', { valuesFrom: [{ kind: 'ConfigMap', name: 'a' }, { kind: 'Pod', name: 'b' }] },
    [{ path: 'spec.valuesFrom[1].kind', message: 'Unsupported value: "Pod": supported values: "ConfigMap", "Secret"' }]],
  ['a missing interval', { interval: undefined }, [{ path: 'spec.interval', message: 'Required value' }]],
  ['a duration in words', { interval: '5 minutes' },
    [{ path: 'spec.interval', message: 'Invalid value: "5 minutes": must be a duration such as 30s, 5m or 1h30m (units ms, s, m, h)' }]],
  ['a release name past 53 characters', { releaseName: 'x'.repeat(54) },
    [{ path: 'spec.releaseName', message: `Invalid value: "${'x'.repeat(54)}": must be no more than 53 characters` }]],
  ['a negative maxHistory', { maxHistory: -1 }, [{ path: 'spec.maxHistory', message: 'Invalid value: -1: must be greater than or equal to 0' }]],
  ['a bad drift mode', { driftDetection: { mode: 'on' } },
    [{ path: 'spec.driftDetection.mode', message: 'Unsupported value: "on": supported values: "enabled", "warn", "disabled"' }]],
  ['an ignore rule without paths', { driftDetection: { ignore: [{ paths: [] }] } },
    [{ path: 'spec.driftDetection.ignore[0].paths', message: 'Invalid value: "array": must have at least 1 items' }]],
  ['a chart source of an unknown kind', { chart: { spec: { chart: 'c', sourceRef: { kind: 'Bucket', name: 'b' } } } },
    [{ path: 'spec.chart.spec.sourceRef.kind', message: 'Unsupported value: "Bucket": supported values: "GitRepository", "HelmRepository"' }]],
  ['a label value that is not a string', { commonMetadata: { labels: { 'app.kubernetes.io/name': 1 } } },
    [{ path: 'spec.commonMetadata.labels[app.kubernetes.io/name]', message: 'Invalid value: 1: must be of type string' }]],
];

for (const [name, spec, want] of errorCases) {
  test(`HelmRelease: ${name} is reported at its field path`, () => {
    assert.deepEqual(issues(base(spec)), want);
  });
}

test('HelmRelease: wrong apiVersion, kind and missing spec are reported', () => {
  assert.deepEqual(issues({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'x' } }), [
    { path: 'apiVersion', message: 'Unsupported value: "helm.toolkit.fluxcd.io/v2": must be "helm.capstan.dev/v1"' },
    { path: 'spec', message: 'Required value' },
  ]);
  assert.deepEqual(issues(42), [{ path: '', message: 'Invalid value: 42: must be of type object' }]);
});

test('HelmRelease: metadata the API server adds is kept; status parses', () => {
  const hr = ok({
    ...base({}, { uid: 'u-1', resourceVersion: '7', generation: 3, annotations: { 'capstan.dev/automated': 'true' } }),
    status: {
      observedGeneration: 3,
      conditions: [{ type: 'Ready', status: 'True', reason: 'InstallSucceeded', message: 'ok', lastTransitionTime: '2026-01-01T00:00:00Z' }],
      history: [{ name: 'web', namespace: 'apps', version: 1, status: 'deployed', chartName: 'web', chartVersion: '1.0.0', configDigest: 'sha256:00', firstDeployed: '2026-01-01T00:00:00Z', lastDeployed: '2026-01-01T00:00:00Z' }],
      inventory: { entries: [{ id: 'apps_web_apps_Deployment', v: 'v1' }] },
      lastAttemptedReleaseAction: 'install',
    },
  });
  assert.equal(hr.metadata['uid'], 'u-1');
  assert.equal(hr.metadata.generation, 3);
  assert.equal(hr.status?.history?.[0]?.version, 1);
});
