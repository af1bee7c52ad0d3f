/**
 * GitSync on the real control plane, with a real `git http-backend` serving the repository: apply, no-op,
 * drift, prune (only what it applied), bad documents (invalid YAML, unknown kind, schema rejection) that
 * leave the previous state applied, Namespaces and CRDs first, targetNamespace, dependsOn, suspend,
 * deletion, Flux documents with ignored fields.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { ensureDebianPackages } from '../support/debian-packages.ts';
import { rmTemp, startGitHttpServer, tempDir, TestRepo, type GitHttpServer } from '../support/git-server.ts';
import { condition, ensureCrds, gitSyncStatus, requestReconcile, startGitSyncController, waitForGitSync, type GitSyncHarness } from '../support/gitsync-harness.ts';

let kube: KubeClient;
let server: GitHttpServer;
let root: string;

before(async () => {
  await ensureDebianPackages(['git']);
  const cluster = await testCluster();
  kube = new KubeClient(cluster.kc);
  await ensureCrds(kube);
  root = tempDir('gitsync-repos');
  server = await startGitHttpServer({ root });
});

after(async () => {
  await server?.stop();
  if (root) rmTemp(root);
});

const cm = (name: string, ns: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`;

const deployment = (name: string, ns: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;

interface Setup { ns: string; repo: TestRepo; ctl: GitSyncHarness }

async function setup(t: { after: (fn: () => Promise<void>) => void }, prefix: string, files: Record<string, string>): Promise<Setup> {
  const { kc } = await testCluster();
  const ns = await testNamespace(prefix);
  const repo = await TestRepo.create(root, ns);
  repo.write(files);
  await repo.commit('initial');
  await repo.push();
  await kube.apply({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: ns }, spec: { url: server.url(repo.name), ref: { branch: 'main' }, interval: '10m' } });
  const ctl = await startGitSyncController(kc, ns);
  t.after(() => ctl.stop());
  return { ns, repo, ctl };
}

async function gitSync(ns: string, name: string, spec: Record<string, unknown>): Promise<void> {
  await kube.apply({ apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', metadata: { name, namespace: ns }, spec: { sourceRef: { kind: 'GitRepository', name: 'infra' }, interval: '10m', ...spec } });
}

const ref = (kind: string, name: string, namespace?: string, apiVersion = 'v1') => ({ apiVersion, kind, name, ...(namespace ? { namespace } : {}) });
const dataOf = async (ns: string, name: string): Promise<Record<string, string> | undefined> =>
  (await kube.get(ref('ConfigMap', name, ns)))?.['data'] as Record<string, string> | undefined;

async function commit(repo: TestRepo, files: Record<string, string>, remove: string[] = []): Promise<string> {
  repo.write(files);
  const { rmSync } = await import('node:fs');
  for (const f of remove) rmSync(`${repo.work}/${f}`, { force: true });
  const sha = await repo.commit('change');
  await repo.push();
  return sha;
}

const readyTrue = (r: { status: string }) => r.status === 'True';

test('applies every document under the path, records the inventory, writes nothing when in sync, corrects drift', async (t) => {
  const s0 = Date.now();
  const { ns, repo, ctl } = await setup(t, 'gs-apply', { 'README.md': '# not applied' });
  const sha = await commit(repo, { 'apps/config.yaml': `${cm('a', ns, { k: '1' })}---\n${cm('b', ns, { k: '2' })}`, 'apps/web.yaml': deployment('web', ns) });
  await gitSync(ns, 'apps', { path: './apps', prune: true });
  const status = await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  assert.equal(status.lastAppliedRevision, `main@sha1:${sha}`);
  assert.deepEqual(status.inventory?.entries.map((e) => e.id), [`${ns}_a__ConfigMap`, `${ns}_b__ConfigMap`, `${ns}_web_apps_Deployment`]);
  assert.match(condition(status, 'Ready')?.message ?? '', new RegExp(`^Applied revision: main@sha1:${sha}; 3 objects applied$`));
  assert.equal(condition(status, 'Healthy')?.status, 'True');
  const a = await kube.get(ref('ConfigMap', 'a', ns));
  assert.equal(a?.metadata.annotations?.['capstan.dev/gitsync'], `${ns}/apps`);
  assert.equal(a?.metadata.labels?.['capstan.dev/gitsync-name'], 'apps');
  // GitSync applies as its own field manager, not as Helm releases' `capstan`
  assert.deepEqual(a?.metadata.managedFields?.filter((f) => f.operation === 'Apply').map((f) => f.manager), ['capstan-gitsync']);
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=GitSync' });
  const applied = events.items.find((e) => e.reason === 'ReconciliationSucceeded');
  assert.match(applied?.message ?? '', /created: .*ConfigMap .*\/a/);
  assert.equal(applied?.metadata.annotations?.['capstan.dev/revision'], `main@sha1:${sha}`);
  const firstReady = Date.now() - s0;

  // a requested reconcile with nothing new: dry-runs only, no object written
  const before = ctl.kube.writes.length;
  const rvs = await Promise.all(['a', 'b'].map(async (n) => (await kube.get(ref('ConfigMap', n, ns)))?.metadata.resourceVersion));
  const at = await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  await eventually('the request to be handled', 20_000, async () => ((await gitSyncStatus(kube, ns, 'apps'))?.obj.status as { lastHandledReconcileAt?: string }).lastHandledReconcileAt === at ? true : undefined);
  assert.deepEqual(ctl.kube.writes.slice(before), [], 'a no-op sync writes no object');
  assert.deepEqual(await Promise.all(['a', 'b'].map(async (n) => (await kube.get(ref('ConfigMap', n, ns)))?.metadata.resourceVersion)), rvs);

  // drift: someone edits a field Capstan manages; the next sync puts it back
  const live = await kube.core.readNamespacedConfigMap({ namespace: ns, name: 'a' });
  await kube.core.replaceNamespacedConfigMap({ namespace: ns, name: 'a', body: { ...live, data: { k: 'edited' } } });
  assert.equal((await dataOf(ns, 'a'))?.['k'], 'edited');
  await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  await eventually('drift corrected', 20_000, async () => ((await dataOf(ns, 'a'))?.['k'] === '1' ? true : undefined));
  assert.deepEqual(ctl.kube.writes.slice(before), [`apply ConfigMap ${ns}/a`]);
  t.diagnostic(`first Ready after ${firstReady} ms`);
});

test('objects applied as `capstan` before GitSync had its own field manager are handed over: a field taken out of Git goes', async (t) => {
  const { ns, repo } = await setup(t, 'gs-manager', {});
  // as an older Capstan left it: this GitSync's marks, applied with the field manager `capstan`
  await kube.apply({
    apiVersion: 'v1', kind: 'ConfigMap', data: { k: '1', old: 'x' },
    metadata: { name: 'a', namespace: ns, labels: { 'capstan.dev/gitsync-name': 'apps', 'capstan.dev/gitsync-namespace': ns }, annotations: { 'capstan.dev/gitsync': `${ns}/apps` } },
  });
  // not this GitSync's: its `capstan` entry is left alone
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: ns }, data: { k: '1' } });
  await commit(repo, { 'apps/a.yaml': cm('a', ns, { k: '1' }), 'apps/b.yaml': cm('b', ns, { k: '1' }) });
  await gitSync(ns, 'apps', { path: 'apps' });
  await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  const managers = async (name: string) => (await kube.get(ref('ConfigMap', name, ns)))?.metadata.managedFields?.filter((f) => f.operation === 'Apply').map((f) => f.manager).sort();
  assert.deepEqual(await managers('a'), ['capstan-gitsync']);
  assert.deepEqual(await dataOf(ns, 'a'), { k: '1' }, 'the field only the old manager owned went with it');
  assert.deepEqual(await managers('b'), ['capstan', 'capstan-gitsync']);
});

test('a commit changes values; removing a file prunes only what this GitSync applied', async (t) => {
  const { ns, repo } = await setup(t, 'gs-prune', {});
  await commit(repo, { 'apps/a.yaml': cm('a', ns, { k: '1' }), 'apps/b.yaml': cm('b', ns, { k: '1' }), 'apps/c.yaml': cm('c', ns, { k: '1' }) });
  // made by hand, with this GitSync's marks but never in its inventory: never pruned
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'manual', namespace: ns, labels: { 'capstan.dev/gitsync-name': 'apps', 'capstan.dev/gitsync-namespace': ns }, annotations: { 'capstan.dev/gitsync': `${ns}/apps` } }, data: { x: 'y' } });
  await gitSync(ns, 'apps', { path: 'apps', prune: true });
  await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  // c is taken over by someone else (another owner annotation): it stays when it leaves Git
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: ns, annotations: { 'capstan.dev/gitsync': 'elsewhere/other' } } }, { force: true });
  const sha = await commit(repo, { 'apps/a.yaml': cm('a', ns, { k: '2' }) }, ['apps/b.yaml', 'apps/c.yaml']);
  await requestReconcile(kube, ref('GitRepository', 'infra', ns, 'source.capstan.dev/v1'));
  await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  const status = await waitForGitSync(kube, ns, 'apps', 'the new revision', (r, s) => r.status === 'True' && s.lastAppliedRevision === `main@sha1:${sha}`);
  assert.equal((await dataOf(ns, 'a'))?.['k'], '2');
  assert.equal(await kube.get(ref('ConfigMap', 'b', ns)), undefined, 'b left Git: pruned');
  assert.ok(await kube.get(ref('ConfigMap', 'c', ns)), 'c belongs to another owner now: kept');
  assert.ok(await kube.get(ref('ConfigMap', 'manual', ns)), 'never in the inventory: kept');
  assert.deepEqual(status.inventory?.entries.map((e) => e.id), [`${ns}_a__ConfigMap`]);
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=GitSync' });
  assert.ok(events.items.some((e) => /deleted: ConfigMap .*\/b/.test(e.message ?? '') && /left in place: ConfigMap .*\/c/.test(e.message ?? '')), events.items.map((e) => e.message).join('\n'));
});

test('bad documents fail with file and line and leave the previous state applied', async (t) => {
  const { ns, repo, ctl } = await setup(t, 'gs-bad', {});
  await commit(repo, { 'apps/a.yaml': cm('a', ns, { k: '1' }) });
  await gitSync(ns, 'apps', { path: 'apps', prune: true });
  const good = await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  const writes = ctl.kube.writes.length;
  const sync = async (files: Record<string, string>, remove: string[] = []): Promise<{ sha: string; message: string; reason: string }> => {
    const sha = await commit(repo, files, remove);
    await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
    const s = await waitForGitSync(kube, ns, 'apps', 'the failure', (r, st) => r.status === 'False' && st.lastAttemptedRevision === `main@sha1:${sha}`);
    const ready = condition(s, 'Ready');
    assert.equal(s.lastAppliedRevision, good.lastAppliedRevision, 'the last applied revision is kept');
    return { sha, message: ready?.message ?? '', reason: ready?.reason ?? '' };
  };

  // invalid YAML, next to a valid change that must not be applied either
  let f = await sync({ 'apps/a.yaml': cm('a', ns, { k: 'changed' }), 'apps/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [a\n' });
  assert.equal(f.reason, 'BuildFailed');
  assert.match(f.message, /^apps\/broken\.yaml:\d+:\d+: invalid YAML: /);

  // a kind the cluster does not serve
  f = await sync({ 'apps/broken.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: default}\n' });
  assert.equal(f.reason, 'BuildFailed');
  assert.equal(f.message, 'apps/broken.yaml:1: Gadget g: no kind "Gadget" is served for version "example.com/v1" (and no CustomResourceDefinition in the path defines it)');

  // the API server rejects it (found by the dry-run, before anything is written)
  f = await sync({ 'apps/broken.yaml': `${cm('ok', ns, { k: 'v' })}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad, namespace: ${ns}}\nspec:\n  replicas: "three"\n  selector: {matchLabels: {a: b}}\n  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: x}]}}\n` });
  assert.equal(f.reason, 'ApplyFailed');
  assert.match(f.message, new RegExp(`^apps/broken\\.yaml:9: Deployment ${ns}/bad: .*replicas`));
  assert.equal(await kube.get(ref('ConfigMap', 'ok', ns)), undefined, 'nothing of the failed revision was written');

  assert.equal((await dataOf(ns, 'a'))?.['k'], '1', 'the previous state stays applied');
  assert.deepEqual(ctl.kube.writes.slice(writes), []);
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=GitSync,type=Warning' });
  assert.ok(events.items.some((e) => e.reason === 'ApplyFailed' && e.metadata.annotations?.['capstan.dev/revision'] === `main@sha1:${f.sha}`));

  // fixed: everything applies
  await commit(repo, {}, ['apps/broken.yaml']);
  await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  await waitForGitSync(kube, ns, 'apps', 'Ready again', readyTrue);
  assert.equal((await dataOf(ns, 'a'))?.['k'], 'changed');
});

test('Namespaces and CRDs first, then custom resources and objects in the new namespace; targetNamespace', async (t) => {
  const { ns, repo } = await setup(t, 'gs-crd', {});
  const group = `${ns}.example.com`;
  const newNs = `${ns}-new`;
  t.after(async () => {
    await kube.delete(ref('Namespace', newNs));
    await kube.delete(ref('CustomResourceDefinition', `widgets.${group}`, undefined, 'apiextensions.k8s.io/v1'));
  });
  await commit(repo, {
    'infra/00-widget.yaml': `apiVersion: ${group}/v1\nkind: Widget\nmetadata: {name: w1, namespace: ${newNs}}\nspec: {size: 3}\n`,
    'infra/crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.${group}}
spec:
  group: ${group}
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}
`,
    'infra/ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${newNs}}\n`,
    'infra/cm.yaml': cm('in-new', newNs, { k: 'v' }),
    'plain/cm.yaml': cm('moved', 'somewhere-else', { k: 'v' }),
  });
  await gitSync(ns, 'infra', { path: 'infra', prune: true });
  await gitSync(ns, 'plain', { path: 'plain', targetNamespace: ns });
  const s = await waitForGitSync(kube, ns, 'infra', 'Ready', readyTrue);
  assert.equal(s.inventory?.entries.length, 4);
  const w = await kube.get(ref('Widget', 'w1', newNs, `${group}/v1`));
  assert.deepEqual(w?.spec, { size: 3 });
  assert.ok(await kube.get(ref('ConfigMap', 'in-new', newNs)));
  await waitForGitSync(kube, ns, 'plain', 'Ready', readyTrue);
  assert.ok(await kube.get(ref('ConfigMap', 'moved', ns)), 'targetNamespace overrides the document\'s namespace');
});

test('dependsOn waits for the other GitSync; suspend stops syncing', async (t) => {
  const { ns, repo } = await setup(t, 'gs-deps', {});
  await commit(repo, { 'first/a.yaml': cm('first', ns, { k: '1' }), 'second/b.yaml': cm('second', ns, { k: '1' }) });
  await gitSync(ns, 'second', { path: 'second', dependsOn: [{ name: 'first' }] });
  const waiting = await waitForGitSync(kube, ns, 'second', 'waiting for its dependency', (r) => r.status === 'False' && r.reason === 'DependencyNotReady');
  assert.match(condition(waiting, 'Ready')?.message ?? '', /dependency '.*\/first' not found/);
  assert.equal(await kube.get(ref('ConfigMap', 'second', ns)), undefined);
  await gitSync(ns, 'first', { path: 'first' });
  await waitForGitSync(kube, ns, 'second', 'Ready after its dependency', readyTrue, 30_000);
  assert.ok(await kube.get(ref('ConfigMap', 'second', ns)));

  await gitSync(ns, 'first', { path: 'first', suspend: true });
  await commit(repo, { 'first/a.yaml': cm('first', ns, { k: '2' }) });
  await requestReconcile(kube, ref('GitSync', 'first', ns, 'sync.capstan.dev/v1'));
  await new Promise((r) => setTimeout(r, 2000));
  assert.equal((await dataOf(ns, 'first'))?.['k'], '1', 'suspended: nothing applied');
  await gitSync(ns, 'first', { path: 'first', suspend: false });
  await eventually('resumed', 20_000, async () => ((await dataOf(ns, 'first'))?.['k'] === '2' ? true : undefined));
});

test('deleting a pruning GitSync deletes what it applied', async (t) => {
  const { ns, repo } = await setup(t, 'gs-delete', {});
  await commit(repo, { 'apps/a.yaml': cm('a', ns, { k: '1' }) });
  await gitSync(ns, 'apps', { path: 'apps', prune: true });
  await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  assert.deepEqual((await kube.get(ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1')))?.metadata.finalizers, ['finalizers.capstan.dev']);
  await kube.delete(ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  await eventually('the GitSync to be gone', 20_000, async () => ((await kube.get(ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'))) === undefined ? true : undefined));
  assert.equal(await kube.get(ref('ConfigMap', 'a', ns)), undefined);
});

test('Flux documents (HelmRelease, HelmRepository, Kustomization) are translated; fields without a Capstan equivalent are reported in a condition and an Event', async (t) => {
  const { ns, repo } = await setup(t, 'gs-flux', {});
  await commit(repo, {
    'flux/source.yaml': `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: charts, namespace: ${ns}}\nspec: {url: "http://127.0.0.1:1/charts", interval: 10m, suspend: true}\n`,
    'flux/hr.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: podinfo, namespace: ${ns}}
spec:
  interval: 10m
  suspend: true
  chart: {spec: {chart: podinfo, version: "6.x", sourceRef: {kind: HelmRepository, name: charts}}}
  install: {strategy: {name: RetryOnFailure}}
`,
    'flux/ks.yaml': `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: nested, namespace: ${ns}}
spec: {interval: 10m, path: ./nested, prune: true, sourceRef: {kind: GitRepository, name: infra}}
`,
    'nested/cm.yaml': cm('from-nested', ns, { k: 'v' }),
  });
  await gitSync(ns, 'flux', { path: 'flux' });
  const s = await waitForGitSync(kube, ns, 'flux', 'Ready', readyTrue);
  const hr = await kube.get(ref('HelmRelease', 'podinfo', ns, 'helm.capstan.dev/v1')) as KubeObject & { spec: Record<string, unknown> };
  assert.equal(hr.metadata.annotations?.['capstan.dev/translated-from'], 'helm.toolkit.fluxcd.io/v2, Kind=HelmRelease');
  assert.deepEqual(hr.spec['driftDetection'], { mode: 'disabled' });
  assert.ok(await kube.get(ref('HelmRepository', 'charts', ns, 'source.capstan.dev/v1')));
  // the Flux Kustomization became a GitSync, which applied its own path (and is part of the parent's health)
  await waitForGitSync(kube, ns, 'nested', 'Ready', readyTrue);
  assert.ok(await kube.get(ref('ConfigMap', 'from-nested', ns)));
  const ignored = condition(s, 'FluxFieldsIgnored');
  assert.equal(ignored?.status, 'True');
  assert.equal(ignored?.message, 'flux/hr.yaml:1: HelmRelease podinfo (helm.toolkit.fluxcd.io/v2, Kind=HelmRelease): spec.install.strategy (not a field of Capstan\'s HelmRelease)');
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=GitSync,reason=UnsupportedFields' });
  assert.equal(events.items.length, 1);
});

test('serviceAccountName: objects are applied as that ServiceAccount, whose RBAC decides (found by the dry-run)', async (t) => {
  const { ns, repo, ctl } = await setup(t, 'gs-sa', {});
  await kube.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deployer', namespace: ns } });
  await kube.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'configmaps', namespace: ns }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] }] });
  await kube.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'deployer', namespace: ns }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'configmaps' }, subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: ns }] });
  await commit(repo, { 'apps/cm.yaml': cm('allowed', ns, { k: '1' }), 'apps/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: denied, namespace: ${ns}}\nstringData: {k: v}\n` });
  const writes = ctl.kube.writes.length;
  await gitSync(ns, 'apps', { path: 'apps', serviceAccountName: 'deployer' });
  const s = await waitForGitSync(kube, ns, 'apps', 'denied', (r) => r.status === 'False');
  assert.equal(condition(s, 'Ready')?.reason, 'ApplyFailed', condition(s, 'Ready')?.message);
  assert.match(condition(s, 'Ready')?.message ?? '', new RegExp(`^apps/secret\\.yaml:1: Secret ${ns}/denied: .*forbidden: User "system:serviceaccount:${ns}:deployer" cannot`));
  assert.equal(await kube.get(ref('ConfigMap', 'allowed', ns)), undefined, 'nothing applied');
  await commit(repo, {}, ['apps/secret.yaml']);
  await requestReconcile(kube, ref('GitSync', 'apps', ns, 'sync.capstan.dev/v1'));
  await waitForGitSync(kube, ns, 'apps', 'Ready', readyTrue);
  const allowed = await kube.get(ref('ConfigMap', 'allowed', ns));
  assert.ok(allowed);
  assert.deepEqual(ctl.kube.writes.slice(writes), [], 'the controller\'s own client wrote nothing');
});
