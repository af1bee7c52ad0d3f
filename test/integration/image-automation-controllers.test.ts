/**
 * The image automation controllers on real components, without the HelmRelease controller: Debian's
 * docker-registry (htpasswd auth) on loopback, `git http-backend` with basic auth, the test control plane.
 *
 * - tags `myapp-v1`, `myapp-v2` appear → ImageRepository status, ImagePolicy `latestRef` (digest included) and
 *   `observedPreviousRef` → a commit in Git setting `myapp-v2` with the configured author and a rendered
 *   messageTemplate; a tag the policy does not match (`other-v9`) is ignored; tag-push-to-commit latency
 *   measured;
 * - the HelmRelease annotation automation patches `spec.values` (no Git write) and records the rollout it
 *   waits for;
 * - a bad tag recorded on the ImagePolicy holds it back to the previous tag, and a newer tag moves it on;
 * - a restart: the tag lists (kept in memory) are scanned again at once;
 * - the registry goes down: the ImageRepository reports the error and keeps its last result, the policy keeps
 *   its choice.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { ensureDebianPackages } from '../support/debian-packages.ts';
import { rmTemp, startGitHttpServer, tempDir, TestRepo, type GitHttpServer } from '../support/git-server.ts';
import { branchFile, branchLog, conditionOf, imageApi, startImageControllers, waitForObject, type RunningControllers } from '../support/image-automation.ts';
import { applyCrds, mergePatch } from '../support/operator.ts';
import { pushImage } from '../support/push-image.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

const gitUser = { username: 'git-bot', password: 'g1t-s3cret-pa55' };
const regUser = { username: 'reg-bot', password: 'r3g-s3cret-pa55' };
const b64 = (s: string): string => Buffer.from(s).toString('base64');

let kube: KubeClient;
let registry: TestRegistry;
let server: GitHttpServer;
let root: string;
let ns: string;
let repo: TestRepo;
let ctl: RunningControllers;
let image: string;
const digests: Record<string, string> = {};

const ref = (kind: string, name: string, apiVersion = imageApi) => ({ apiVersion, kind, name, namespace: ns });
const push = async (...tags: string[]): Promise<void> => {
  Object.assign(digests, await pushImage({ host: registry.host, repository: 'team/myapp', tags, credentials: regUser }));
};

const release = (tag: string) => `apiVersion: helm.capstan.dev/v1
kind: HelmRelease
metadata:
  name: myapp
  namespace: NS
spec:
  interval: 10m
  chart:
    spec: {chart: ./charts/myapp, sourceRef: {kind: GitRepository, name: infra}}
  values:
    # the image the automation keeps up to date
    image:
      repository: IMAGE # {"$imagepolicy": "NS:myapp:name"}
      tag: ${tag} # {"$imagepolicy": "NS:myapp:tag"}
`;

before(async () => {
  await ensureDebianPackages(['git']);
  kube = new KubeClient((await testCluster()).kc);
  await applyCrds();
  registry = await startRegistry({ auth: 'htpasswd', users: [regUser] });
  image = `${registry.host}/team/myapp`;
  root = tempDir('image-automation');
  server = await startGitHttpServer({ root, auth: { basic: gitUser } });
  ns = await testNamespace('img-ctl');
  repo = await TestRepo.create(root, 'infra');
  repo.write({ 'clusters/dev/myapp.yaml': release('myapp-v0').replaceAll('NS', ns).replace('IMAGE', image), 'README.md': '# infra\n' });
  await repo.commit('initial');
  await repo.push();
  const dockerConfig = JSON.stringify({ auths: { [registry.host]: { auth: b64(`${regUser.username}:${regUser.password}`) } } });
  await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: ns }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(dockerConfig) } } as KubeObject);
  await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'git-auth', namespace: ns }, data: { username: b64(gitUser.username), password: b64(gitUser.password) } } as KubeObject);
  ctl = await startImageControllers(ns);
});

after(async () => {
  await ctl?.stop();
  await server?.stop();
  await registry?.close();
  if (root) rmTemp(root);
});

const messageTemplate = `Update {{ len .Changed.Changes }} image value(s) by {{ .AutomationObject }}

{{ range .Changed.Changes -}}
- {{ .File }}: {{ .OldValue }} -> {{ .NewValue }} ({{ .Setter }})
{{ end -}}`;

test('new tags → ImageRepository scan, ImagePolicy latestRef with digest, a commit in Git; a non-matching tag is ignored', async () => {
  await push('myapp-v1');
  await kube.apply({ apiVersion: imageApi, kind: 'ImageRepository', metadata: { name: 'myapp', namespace: ns }, spec: { image, interval: '2s', insecure: true, secretRef: { name: 'regcred' } } } as KubeObject);
  await kube.apply({ apiVersion: imageApi, kind: 'ImagePolicy', metadata: { name: 'myapp', namespace: ns }, spec: { imageRepositoryRef: { name: 'myapp' }, policy: { glob: 'myapp-v*' } } } as KubeObject);
  await kube.apply({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name: 'infra', namespace: ns }, spec: { url: server.url(repo.name), ref: { branch: 'main' }, interval: '10m', secretRef: { name: 'git-auth' } } } as KubeObject);
  await kube.apply({
    apiVersion: imageApi, kind: 'ImageUpdateAutomation', metadata: { name: 'infra', namespace: ns },
    spec: {
      sourceRef: { kind: 'GitRepository', name: 'infra' }, interval: '10m',
      git: { commit: { author: { name: 'capstan-bot', email: 'bot@capstan.invalid' }, messageTemplate }, push: { branch: 'main' } },
      update: { path: './clusters', strategy: 'Setters' },
    },
  } as KubeObject);

  const first = await eventually('a commit setting myapp-v1', 30_000, async () => ((await branchFile(repo.bare, 'clusters/dev/myapp.yaml')).includes('tag: myapp-v1 #') ? true : undefined));
  assert.ok(first);
  const [c1] = await branchLog(repo.bare);
  assert.equal(c1?.author, 'capstan-bot <bot@capstan.invalid>');
  assert.equal(c1?.subject, `Update 1 image value(s) by ${ns}/infra`);
  assert.equal(c1?.body, `- clusters/dev/myapp.yaml: myapp-v0 -> myapp-v1 (${ns}:myapp:tag)`);
  const text = await branchFile(repo.bare, 'clusters/dev/myapp.yaml');
  assert.equal(text, release('myapp-v1').replaceAll('NS', ns).replace('IMAGE', image), 'only the marked value changed; comments and layout kept');

  // two tags appear: the one the policy matches is written, the other ignored
  const t0 = Date.now();
  await push('myapp-v2', 'other-v9');
  await eventually('a commit setting myapp-v2', 30_000, async () => ((await branchFile(repo.bare, 'clusters/dev/myapp.yaml')).includes('tag: myapp-v2 #') ? true : undefined));
  const latency = Date.now() - t0;
  const log = await branchLog(repo.bare);
  assert.deepEqual(log.map((c) => c.subject).slice(0, 3), [`Update 1 image value(s) by ${ns}/infra`, `Update 1 image value(s) by ${ns}/infra`, 'initial']);
  process.stderr.write(`# tag-push-to-commit latency (ImageRepository interval 2s): ${latency} ms\n`);

  const repoObj = await waitForObject(kube, ref('ImageRepository', 'myapp'), 'scanned 3 tags', (o) => (o.status as { lastScanResult?: { tagCount: number } }).lastScanResult?.tagCount === 3);
  const st = repoObj.status as { canonicalImageName: string; lastScanResult: { latestTags: string[]; scanTime: string }; observedExclusionList: string[] };
  assert.equal(st.canonicalImageName, image);
  assert.deepEqual(st.lastScanResult.latestTags, ['other-v9', 'myapp-v2', 'myapp-v1']);
  assert.deepEqual(st.observedExclusionList, ['^.*\\.sig$']);
  assert.equal(conditionOf(repoObj, 'Ready')?.reason, 'ScanSucceeded');
  const pol = await waitForObject(kube, ref('ImagePolicy', 'myapp'), 'latestRef myapp-v2', (o) => (o.status as { latestRef?: { tag: string } }).latestRef?.tag === 'myapp-v2');
  const ps = pol.status as { latestRef: { name: string; tag: string; digest?: string }; observedPreviousRef?: { tag: string } };
  assert.deepEqual(ps.latestRef, { name: image, tag: 'myapp-v2', digest: digests['myapp-v2'] });
  assert.equal(ps.observedPreviousRef?.tag, 'myapp-v1');
  assert.equal(conditionOf(pol, 'Ready')?.message, `Latest image tag for ${image} resolved to myapp-v2`);
  const auto = await waitForObject(kube, ref('ImageUpdateAutomation', 'infra'), 'pushed', (o) => (o.status as { lastPushCommit?: string }).lastPushCommit === log[0]?.sha);
  const as = auto.status as { lastPushTime?: string; lastAutomationRunTime?: string };
  assert.ok(as.lastPushTime !== undefined && as.lastAutomationRunTime !== undefined);
  assert.match(conditionOf(auto, 'Ready')?.message ?? '', /^pushed commit [0-9a-f]{7} to main: clusters\/dev\/myapp\.yaml:\d+ myapp-v1 -> myapp-v2$/);
  const events = await kube.core.listNamespacedEvent({ namespace: ns, fieldSelector: 'involvedObject.kind=ImagePolicy' });
  assert.ok(events.items.some((e) => /resolved to myapp-v2/.test(e.message ?? '')), 'an Event for the new tag');
});

test('annotation automation: a HelmRelease with capstan.dev/automated gets its values patched, no Git write', async () => {
  const commits = (await branchLog(repo.bare)).length;
  await kube.apply({
    apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease',
    metadata: { name: 'direct', namespace: ns, annotations: { 'capstan.dev/automated': 'true', 'capstan.dev/tag.app': 'glob:myapp-v*' } },
    spec: {
      interval: '10m', suspend: false,
      chart: { spec: { chart: './charts/myapp', sourceRef: { kind: 'GitRepository', name: 'infra' } } },
      values: { app: { image: { repository: image, tag: 'myapp-v1' } }, sidecar: { image: 'docker.io/library/busybox:1.36' } },
    },
  } as KubeObject);
  const hr = await waitForObject(kube, ref('HelmRelease', 'direct', 'helm.capstan.dev/v1'), 'values patched to myapp-v2',
    (o) => ((o.spec as { values: { app: { image: { tag: string } } } }).values.app.image.tag === 'myapp-v2'));
  const values = (hr.spec as { values: Record<string, unknown> }).values;
  assert.deepEqual(values['sidecar'], { image: 'docker.io/library/busybox:1.36' }, 'an image without an ImageRepository is left alone');
  const rollout = JSON.parse(hr.metadata.annotations?.['image.capstan.dev/rollout'] ?? '{}') as { generation: number; containers: Record<string, unknown> };
  assert.deepEqual(rollout, { generation: hr.metadata.generation, containers: { app: { tag: 'myapp-v2', previous: 'myapp-v1' } } });
  assert.ok(hr.metadata.managedFields?.some((f) => f.manager === 'capstan-image-automation'));
  assert.equal((await branchLog(repo.bare)).length, commits, 'no Git write');
});

test('a tag recorded as bad holds the policy back to the previous tag; a newer tag moves it on', async () => {
  await mergePatch(kube, ref('ImagePolicy', 'myapp'), { metadata: { annotations: { 'image.capstan.dev/excluded-tags': 'myapp-v2' } } });
  const held = await waitForObject(kube, ref('ImagePolicy', 'myapp'), 'held back to myapp-v1', (o) => (o.status as { latestRef?: { tag: string } }).latestRef?.tag === 'myapp-v1');
  assert.equal(conditionOf(held, 'Ready')?.reason, 'TagHeldBack');
  assert.match(conditionOf(held, 'Ready')?.message ?? '', /myapp-v2 and older tags are held back as bad/);
  await eventually('Git back on myapp-v1', 30_000, async () => ((await branchFile(repo.bare, 'clusters/dev/myapp.yaml')).includes('tag: myapp-v1 #') ? true : undefined));
  await push('myapp-v3');
  await waitForObject(kube, ref('ImagePolicy', 'myapp'), 'on myapp-v3', (o) => (o.status as { latestRef?: { tag: string } }).latestRef?.tag === 'myapp-v3'
    && conditionOf(o, 'Ready')?.reason === 'PolicyMatched');
  await eventually('Git on myapp-v3', 30_000, async () => ((await branchFile(repo.bare, 'clusters/dev/myapp.yaml')).includes('tag: myapp-v3 #') ? true : undefined));
});

test('a restart: the tags are scanned again at once; the policy keeps its choice meanwhile; nothing is written to Git', async () => {
  const before = await kube.get(ref('ImageRepository', 'myapp'));
  const scanTime = (before?.status as { lastScanResult: { scanTime: string } }).lastScanResult.scanTime;
  const commits = (await branchLog(repo.bare)).length;
  await ctl.stop();
  ctl = await startImageControllers(ns);
  assert.equal(ctl.controllers.tags.size, 0, 'a new process knows no tags');
  await waitForObject(kube, ref('ImageRepository', 'myapp'), 'scanned again', (o) => (o.status as { lastScanResult: { scanTime: string } }).lastScanResult.scanTime !== scanTime);
  assert.equal(ctl.controllers.tags.get(`${ns}/myapp`)?.tags.length, 4);
  const pol = await kube.get(ref('ImagePolicy', 'myapp'));
  assert.equal((pol?.status as { latestRef?: { tag: string } }).latestRef?.tag, 'myapp-v3');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await branchLog(repo.bare)).length, commits);
});

test('registry down: the ImageRepository reports the error and keeps its last result; the policy keeps its choice', async () => {
  await registry.close();
  const failed = await waitForObject(kube, ref('ImageRepository', 'myapp'), 'Ready=False', (o) => conditionOf(o, 'Ready')?.status === 'False');
  assert.equal(conditionOf(failed, 'Ready')?.reason, 'ScanFailed');
  assert.match(conditionOf(failed, 'Ready')?.message ?? '', new RegExp(`^scan failed: ${image.replaceAll('.', '\\.')}: GET http://${registry.host.replaceAll('.', '\\.')}/v2/team/myapp/tags/list`));
  assert.equal((failed.status as { lastScanResult?: { tagCount: number } }).lastScanResult?.tagCount, 4, 'the last result is kept');
  const pol = await kube.get(ref('ImagePolicy', 'myapp'));
  assert.equal((pol?.status as { latestRef?: { tag: string } }).latestRef?.tag, 'myapp-v3');
  assert.equal(conditionOf(pol, 'Ready')?.status, 'True');
  assert.equal(ctl.controllers.tags.get(`${ns}/myapp`)?.tags.length, 4, 'the tags stay in memory');
});
