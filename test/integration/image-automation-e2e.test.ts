/**
 * Automatic image-tag rollout end to end, on real components: Debian's docker-registry on loopback (images
 * pushed through its API), a bare repository behind `git http-backend`, the test control plane (kwok runs the
 * pods; an image whose name contains `broken` stays in ImagePullBackOff), and in process the operator's own
 * wiring (HelmRelease, GitRepository, HelmRepository controllers) with GitSync and the image controllers on
 * the same Manager.
 *
 * Tags `myapp-v1`, `myapp-v2` appear → the Git repository gets a commit setting `myapp-v2` → GitSync applies
 * the HelmRelease → the upgrade runs → the Deployment runs the new image (tag-push-to-rollout latency
 * measured); a tag the policy does not match is ignored; a broken tag → the upgrade fails (Stalled) → the
 * automation reverts its commit in Git and records the tag as bad → back on the good tag; a newer good tag
 * moves on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { ensureDebianPackages } from '../support/debian-packages.ts';
import { rmTemp, startGitHttpServer, tempDir, TestRepo, type GitHttpServer } from '../support/git-server.ts';
import { branchFile, branchLog, conditionOf, imageApi, startImageOperator, waitForObject, type RunningControllers } from '../support/image-automation.ts';
import { applyCrds, isReady, waitForHr } from '../support/operator.ts';
import { pushImage } from '../support/push-image.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

let kube: KubeClient;
let registry: TestRegistry;
let server: GitHttpServer;
let root: string;

before(async () => {
  await ensureDebianPackages(['git']);
  kube = new KubeClient((await testCluster()).kc);
  await applyCrds();
  registry = await startRegistry();
  root = tempDir('image-e2e');
  server = await startGitHttpServer({ root });
});

after(async () => {
  await server?.stop();
  await registry?.close();
  if (root) rmTemp(root);
});

const chart: Record<string, string> = {
  'charts/myapp/Chart.yaml': 'apiVersion: v2\nname: myapp\nversion: 0.1.0\n',
  'charts/myapp/values.yaml': 'image:\n  repository: nginx\n  tag: "1.27"\n',
  'charts/myapp/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: 1
  selector: {matchLabels: {app: {{ .Release.Name }}}}
  template:
    metadata: {labels: {app: {{ .Release.Name }}}}
    spec:
      containers:
      - name: app
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
};

const clusterFiles = (ns: string, image: string): Record<string, string> => ({
  'clusters/dev/myapp.yaml': `apiVersion: helm.capstan.dev/v1
kind: HelmRelease
metadata:
  name: myapp
  namespace: ${ns}
spec:
  interval: 10m
  timeout: 8s
  chart:
    spec: {chart: ./charts/myapp, sourceRef: {kind: GitRepository, name: infra}}
  values:
    image:
      repository: ${image} # {"$imagepolicy": "${ns}:myapp:name"}
      tag: myapp-v1 # {"$imagepolicy": "${ns}:myapp:tag"}
`,
  'clusters/dev/image.yaml': `apiVersion: image.capstan.dev/v1
kind: ImageRepository
metadata: {name: myapp, namespace: ${ns}}
spec: {image: ${image}, interval: 2s, insecure: true}
---
apiVersion: image.capstan.dev/v1
kind: ImagePolicy
metadata: {name: myapp, namespace: ${ns}}
spec:
  imageRepositoryRef: {name: myapp}
  policy: {glob: "myapp-v*"}
`,
});

interface Deployed { image: string; available: boolean }

async function deployment(ns: string): Promise<Deployed | undefined> {
  const d = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'myapp', namespace: ns });
  if (d === undefined) return undefined;
  const spec = d.spec as { template: { spec: { containers: { image: string }[] } } };
  const st = (d.status ?? {}) as { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; unavailableReplicas?: number };
  const available = st.observedGeneration === d.metadata.generation && st.updatedReplicas === 1 && st.availableReplicas === 1 && (st.unavailableReplicas ?? 0) === 0;
  return { image: spec.template.spec.containers[0]?.image ?? '', available };
}

/** Waits until the Deployment's pods run `image` and are available. */
async function rolledOut(ns: string, image: string, timeoutMs = 60_000): Promise<void> {
  let last: Deployed | undefined;
  try {
    await eventually(`Deployment running ${image}`, timeoutMs, async () => {
      last = await deployment(ns);
      return last?.image === image && last.available ? true : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}; last: ${JSON.stringify(last)}`);
  }
}

const gitHas = (repo: TestRepo, tag: string, timeoutMs = 30_000): Promise<true> =>
  eventually(`Git on ${tag}`, timeoutMs, async () => ((await branchFile(repo.bare, 'clusters/dev/myapp.yaml')).includes(`tag: ${tag} #`) ? true : undefined));

test('full chain: new tag → Git commit → GitSync → HelmRelease upgrade → Deployment; broken tag → revert commit → back on the good tag', async (t) => {
  const ns = await testNamespace('img-e2e');
  const image = `${registry.host}/${ns}/myapp`;
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v1'] });
  const repo = await TestRepo.create(root, ns);
  repo.write({ ...chart, ...clusterFiles(ns, image) });
  await repo.commit('initial');
  await repo.push();
  const op = await startImageOperator(ns);
  t.after(() => op.stop());
  await kube.apply({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: ns }, spec: { url: server.url(repo.name), ref: { branch: 'main' }, interval: '10m' } } as KubeObject);
  await kube.apply({ apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', metadata: { name: 'apps', namespace: ns }, spec: { sourceRef: { kind: 'GitRepository', name: 'infra' }, path: './clusters/dev', prune: true, interval: '10m' } } as KubeObject);
  await kube.apply({
    apiVersion: imageApi, kind: 'ImageUpdateAutomation', metadata: { name: 'infra', namespace: ns },
    spec: {
      sourceRef: { kind: 'GitRepository', name: 'infra' }, interval: '10m',
      git: { commit: { author: { name: 'capstan', email: 'capstan@localhost' } }, push: { branch: 'main' } },
      update: { path: './clusters/dev' },
    },
  } as KubeObject);
  await waitForHr(kube, ns, 'myapp', 'installed', isReady, 90_000);
  await rolledOut(ns, `${image}:myapp-v1`);

  // a good tag and one the policy does not match
  const t0 = Date.now();
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v2', 'other-v9'] });
  await gitHas(repo, 'myapp-v2');
  const tCommit = Date.now();
  await rolledOut(ns, `${image}:myapp-v2`);
  const tRollout = Date.now();
  await waitForHr(kube, ns, 'myapp', 'Ready on myapp-v2', isReady);
  assert.doesNotMatch(await branchFile(repo.bare, 'clusters/dev/myapp.yaml'), /other-v9/);
  const [update] = await branchLog(repo.bare);
  assert.equal(update?.subject, 'Update from image update automation');
  assert.equal(update?.author, 'capstan <capstan@localhost>');
  await waitForObject(kube, { apiVersion: imageApi, kind: 'ImageUpdateAutomation', name: 'infra', namespace: ns }, 'rollout healthy',
    (o) => conditionOf(o, 'Healthy')?.reason === 'RolloutSucceeded' && o.metadata.annotations?.['image.capstan.dev/rollout'] === undefined);
  process.stderr.write(`# tag push → Git commit: ${tCommit - t0} ms; tag push → Deployment running the new image: ${tRollout - t0} ms (ImageRepository interval 2s)\n`);

  // a broken tag: the upgrade fails, the automation reverts its commit and holds the tag back
  const t1 = Date.now();
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v3-broken'] });
  await gitHas(repo, 'myapp-v3-broken');
  const broken = (await branchLog(repo.bare))[0];
  // the HelmRelease is Stalled only until the revert reaches it (a second or two): the revert commit says why
  await eventually('a revert commit in Git', 90_000, async () => ((await branchLog(repo.bare))[0]?.subject.startsWith('Revert ') === true ? true : undefined));
  const [revert] = await branchLog(repo.bare);
  assert.equal(revert?.subject, `Revert "${broken?.subject ?? ''}"`);
  assert.match(revert?.body ?? '', new RegExp(`^This reverts commit ${broken?.sha ?? ''} because HelmRelease ${ns}/myapp failed to roll out myapp-v3-broken: Failed to upgrade after 1 attempt\\(s\\): .*ImagePullBackOff`, 's'));
  assert.equal(revert?.author, 'capstan <capstan@localhost>');
  await gitHas(repo, 'myapp-v2');
  const policy = await waitForObject(kube, { apiVersion: imageApi, kind: 'ImagePolicy', name: 'myapp', namespace: ns }, 'held back to myapp-v2',
    (o) => (o.status as { latestRef?: { tag: string } }).latestRef?.tag === 'myapp-v2');
  assert.equal(policy.metadata.annotations?.['image.capstan.dev/excluded-tags'], 'myapp-v3-broken');
  assert.equal(conditionOf(policy, 'Ready')?.reason, 'TagHeldBack');
  await rolledOut(ns, `${image}:myapp-v2`, 90_000);
  await waitForHr(kube, ns, 'myapp', 'Ready again on myapp-v2', isReady, 60_000);
  const recovered = Date.now() - t1;
  const auto = await kube.get({ apiVersion: imageApi, kind: 'ImageUpdateAutomation', name: 'infra', namespace: ns });
  assert.equal(conditionOf(auto, 'Healthy')?.reason, 'RolloutReverted');
  assert.equal((auto?.status as { lastPushCommit?: string }).lastPushCommit, revert?.sha);
  // no new commit brings the bad tag back
  assert.equal((await branchLog(repo.bare))[0]?.sha, revert?.sha);
  process.stderr.write(`# broken tag push → reverted and running the good tag again: ${recovered} ms (HelmRelease timeout 8s)\n`);

  // a newer good tag moves the policy on
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v4'] });
  await gitHas(repo, 'myapp-v4');
  await rolledOut(ns, `${image}:myapp-v4`);
  await waitForHr(kube, ns, 'myapp', 'Ready on myapp-v4', isReady);
  // GitSync applied the ImagePolicy from Git again since (server-side apply, field manager capstan-gitsync): the bad-tag
  // annotation, written by another field manager, survives it
  const head = (await branchLog(repo.bare))[0]?.sha ?? '';
  await waitForObject(kube, { apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', name: 'apps', namespace: ns }, 'applied the last commit',
    (o) => (o.status as { lastAppliedRevision?: string }).lastAppliedRevision === `main@sha1:${head}`);
  const after = await kube.get({ apiVersion: imageApi, kind: 'ImagePolicy', name: 'myapp', namespace: ns });
  assert.equal(after?.metadata.annotations?.['image.capstan.dev/excluded-tags'], 'myapp-v3-broken');
  assert.equal(after?.metadata.annotations?.['capstan.dev/gitsync'], `${ns}/apps`);
});

test('annotation automation with the HelmRelease controller: values patched → Deployment; broken tag → previous tag patched back and held back', async (t) => {
  const ns = await testNamespace('img-e2e-hr');
  const image = `${registry.host}/${ns}/myapp`;
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v1'] });
  const repo = await TestRepo.create(root, ns);
  repo.write(chart);
  await repo.commit('chart');
  await repo.push();
  const op = await startImageOperator(ns);
  t.after(() => op.stop());
  await kube.apply({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: ns }, spec: { url: server.url(repo.name), ref: { branch: 'main' }, interval: '10m' } } as KubeObject);
  await kube.apply({ apiVersion: imageApi, kind: 'ImageRepository', metadata: { name: 'myapp', namespace: ns }, spec: { image, interval: '2s', insecure: true } } as KubeObject);
  await kube.apply({
    apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease',
    metadata: { name: 'myapp', namespace: ns, annotations: { 'capstan.dev/automated': 'true', 'capstan.dev/tag.chart-image': 'glob:myapp-v*' } },
    spec: {
      interval: '10m', timeout: '8s',
      chart: { spec: { chart: './charts/myapp', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
      values: { image: { repository: image, tag: 'myapp-v1' } },
    },
  } as KubeObject);
  await waitForHr(kube, ns, 'myapp', 'installed', isReady, 90_000);
  await rolledOut(ns, `${image}:myapp-v1`);

  const t0 = Date.now();
  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v2', 'other-v9'] });
  await rolledOut(ns, `${image}:myapp-v2`);
  const latency = Date.now() - t0;
  await waitForHr(kube, ns, 'myapp', 'Ready on myapp-v2', (o) => isReady(o) && o.metadata.annotations?.['image.capstan.dev/rollout'] === undefined);
  process.stderr.write(`# annotation automation: tag push → Deployment running the new image: ${latency} ms\n`);

  await pushImage({ host: registry.host, repository: `${ns}/myapp`, tags: ['myapp-v3-broken'] });
  await waitForHr(kube, ns, 'myapp', 'patched to the broken tag', (o) => (o.spec as { values: { image: { tag: string } } }).values.image.tag === 'myapp-v3-broken');
  // Stalled only until the previous tag is patched back (milliseconds): the Event says why
  const back = await waitForHr(kube, ns, 'myapp', 'values back on myapp-v2, the tag held back',
    (o) => (o.spec as { values: { image: { tag: string } } }).values.image.tag === 'myapp-v2' && o.metadata.annotations?.['image.capstan.dev/excluded-tags.chart-image'] === 'myapp-v3-broken', 60_000);
  assert.equal(back.metadata.annotations?.['image.capstan.dev/rollout'], undefined);
  await rolledOut(ns, `${image}:myapp-v2`, 90_000);
  await waitForHr(kube, ns, 'myapp', 'Ready again on myapp-v2', isReady, 60_000);
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=HelmRelease' });
  const reverted = events.items.find((e) => e.reason === 'RolloutReverted');
  assert.equal(reverted?.type, 'Warning');
  assert.match(reverted?.message ?? '', /^rolled back image tags \(chart-image: myapp-v3-broken -> myapp-v2\) because the upgrade failed: Failed to upgrade after 1 attempt\(s\): .*ImagePullBackOff/);
});
