/**
 * deploy/ is enough: its RBAC is applied (from `kubectl kustomize deploy/`), the operator runs out of cluster
 * with a token of deploy/'s ServiceAccount (TokenRequest), and a HelmRelease releasing as its own
 * ServiceAccount is installed, evented and uninstalled. The Deployment and Service pass a server-side dry run.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { kubectlBinary } from '../support/helm-binaries.ts';
import {
  applyCrds, chartRepo, getHr, gitRepository, helmRelease, isReady, startOperator, waitForHr, type ChartRepo, type TestOperator,
} from '../support/operator.ts';

const run = promisify(execFile);
const deployDir = join(import.meta.dirname, '..', '..', 'deploy');

let kube: KubeClient;
let ns: string;
let repo: ChartRepo;
let op: TestOperator | undefined;
let objects: KubeObject[];

before(async () => {
  const { kc } = await testCluster();
  kube = new KubeClient(kc);
  await applyCrds();
  ns = await testNamespace('op-deploy');
  repo = await chartRepo(['tiny']);
  const { stdout } = await run(kubectlBinary(), ['kustomize', deployDir]);
  objects = parseAllDocuments(stdout).map((d) => d.toJS() as KubeObject);
});

after(async () => {
  await op?.stop();
  repo?.remove();
});

/** A KubeConfig authenticating with a token of ServiceAccount ns/name. */
async function tokenKubeConfig(namespace: string, name: string): Promise<KubeConfig> {
  const { kc, core } = await testCluster();
  const tr = await core.createNamespacedServiceAccountToken({ name, namespace, body: { spec: { audiences: [], expirationSeconds: 3600 } } });
  const cluster = kc.getCurrentCluster();
  assert.ok(cluster && tr.status?.token);
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: [{ ...cluster, name: 'c' }], users: [{ name: 'capstan', token: tr.status.token }],
    contexts: [{ name: 'c', cluster: 'c', user: 'capstan' }], currentContext: 'c',
  });
  return out;
}

test('the operator runs with nothing but deploy/ RBAC and releases as the HelmRelease\'s ServiceAccount', async () => {
  const kinds = objects.map((o) => o.kind);
  for (const k of ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Deployment', 'Service', 'CustomResourceDefinition']) assert.ok(kinds.includes(k), `deploy/ has a ${k}`);
  assert.ok(!objects.some((o) => o.kind === 'ClusterRoleBinding' && (o as { roleRef?: { name?: string } }).roleRef?.name === 'cluster-admin'), 'no cluster-admin by default');
  for (const o of objects.filter((x) => ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'].includes(x.kind))) await kube.apply(o);
  for (const o of objects.filter((x) => ['Deployment', 'Service'].includes(x.kind))) await kube.apply(o, { dryRun: true });
  const deployment = objects.find((o) => o.kind === 'Deployment') as KubeObject & { spec: { template: { spec: { containers: { args: string[]; securityContext: Record<string, unknown> }[] } } } };
  const container = deployment.spec.template.spec.containers[0];
  assert.equal(container?.args[0], 'operator');
  assert.equal(container?.securityContext['readOnlyRootFilesystem'], true);

  // the release's own ServiceAccount, allowed what the chart and the release records need in this namespace
  const { kc, core } = await testCluster();
  await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'deployer' } } });
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({ namespace: ns, body: {
    metadata: { name: 'deployer' }, rules: [{ apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
  } });
  await rbac.createNamespacedRoleBinding({ namespace: ns, body: {
    metadata: { name: 'deployer' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: ns }],
  } });

  const t0 = Date.now();
  op = await startOperator({ namespace: ns, kubeConfig: await tokenKubeConfig('capstan-system', 'capstan'), leaderElect: true, leaderElectionNamespace: ns });
  await kube.apply(gitRepository(ns, 'infra', repo.url));
  await kube.apply(helmRelease(ns, 'web', { chart: { spec: { chart: './charts/tiny', sourceRef: { kind: 'GitRepository', name: 'infra' } } }, serviceAccountName: 'deployer', values: { greeting: 'least privilege' } }));
  await waitForHr(kube, ns, 'web', 'Ready', isReady);
  console.log(`installed with deploy/ RBAC: ${Date.now() - t0} ms`);
  const cm = await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns });
  assert.equal((cm?.['data'] as Record<string, string>)['greeting'], 'least privilege');
  await eventually('an InstallSucceeded event', 10_000, async () => ((await kube.list('v1', 'Event', ns)).some((e) => e['reason'] === 'InstallSucceeded') ? true : undefined));
  const git = await kube.get({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', name: 'infra', namespace: ns });
  assert.ok((git?.status as { artifact?: { revision?: string } } | undefined)?.artifact?.revision?.startsWith('main@sha1:'), 'the GitRepository status was written');

  await kube.delete({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'web', namespace: ns });
  await eventually('the HelmRelease to be gone', 30_000, async () => ((await getHr(kube, ns, 'web')) === undefined ? true : undefined));
  assert.equal(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-greeting', namespace: ns }), undefined, 'uninstalled');
});
