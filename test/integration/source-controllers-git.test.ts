/**
 * The GitRepository controller on the real control plane, against real Git servers on loopback (`git
 * http-backend` behind basic auth, `git daemon`): Ready with `main@sha1:…`, new commits become new revisions,
 * a no-op reconcile writes nothing, bad credentials and bad URLs are reported with their code while the last
 * artifact is kept, `suspend`, the reconcile-requested-at annotation and a signed push webhook fetch at once,
 * and deletion removes the finalizer and lets garbage collection drop the artifact. Credentials never appear in
 * the status, the Events or the log.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { parse } from 'yaml';
import { crdFiles } from '../../src/api/crd-gen/index.ts';
import { Manager } from '../../src/controller/index.ts';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { KubeEventRecorder } from '../../src/reconcilers/shared/events.ts';
import {
  SourceArtifacts, gitCacheKey, registerSourceControllers, requestReconcile, startSourceWebhooks, type ArtifactChange,
} from '../../src/reconcilers/source/index.ts';
import { ArtifactStore } from '../../src/source/artifacts/index.ts';
import { GitSource } from '../../src/source/git/index.ts';
import { receiverPath, signBody, type ReceiverConfig } from '../../src/source/webhooks/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { ensureDebianPackages } from '../support/debian-packages.ts';
import { TestRepo, git, rmTemp, startGitDaemon, startGitHttpServer, tempDir, type GitDaemon, type GitHttpServer } from '../support/git-server.ts';

const PASSWORD = 'correct-horse-battery-staple-42';
const WRONG = 'wrong-password-not-this-one-77';
const HOOK_TOKEN = 'webhook-token-0123456789abcdef';
const GROUP = 'source.capstan.dev/v1';

interface Cond { type: string; status: string; reason: string; message: string; observedGeneration?: number }
interface RepoStatus {
  conditions?: Cond[];
  artifact?: { path: string; url: string; revision: string; digest?: string; size?: number; lastUpdateTime: string };
  observedGeneration?: number;
  lastHandledReconcileAt?: string;
}
type Repo = KubeObject & { status?: RepoStatus };

/** Counts the object paths the reconcilers ask for: every status write, finalizer change and annotation goes through one. */
class CountingKube extends KubeClient {
  readonly paths: string[] = [];
  override async resourcePath(apiVersion: string, kind: string, name: string, namespace?: string): Promise<string> {
    this.paths.push(`${kind}/${namespace ?? ''}/${name}`);
    return super.resourcePath(apiVersion, kind, name, namespace);
  }
}

const cond = (o: Repo | undefined, type: string): Cond | undefined => o?.status?.conditions?.find((c) => c.type === type);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('GitRepository controller', () => {
  let ns: string;
  let kube: CountingKube;
  let root: string;
  let infra: TestRepo;
  let http: GitHttpServer;
  let daemon: GitDaemon;
  let store: ArtifactStore;
  let sources: SourceArtifacts;
  let mgr: Manager;
  let running: Promise<void>;
  let webhooks: { url: string; close(): Promise<void> };
  const changes: ArtifactChange[] = [];
  const logLines: string[] = [];

  const get = async (name: string): Promise<Repo | undefined> => await kube.get({ apiVersion: GROUP, kind: 'GitRepository', name, namespace: ns }) as Repo | undefined;
  const apply = async (name: string, spec: Record<string, unknown>): Promise<void> => {
    await kube.apply({ apiVersion: GROUP, kind: 'GitRepository', metadata: { name, namespace: ns }, spec });
  };
  const putSecret = async (name: string, data: Record<string, string>): Promise<void> => {
    await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, stringData: data, type: 'Opaque' });
  };
  /** Waits until the object's Ready condition (for its current generation) satisfies `check`. */
  const waitFor = async (name: string, what: string, check: (o: Repo) => boolean, timeoutMs = 30_000): Promise<Repo> =>
    eventually(`${name}: ${what}`, timeoutMs, async () => {
      const o = await get(name);
      return o !== undefined && check(o) ? o : undefined;
    });
  const events = async (name: string): Promise<{ type?: string; reason?: string; message?: string }[]> => {
    const { core } = await testCluster();
    const list = await core.listNamespacedEvent({ namespace: ns, fieldSelector: `involvedObject.name=${name}` });
    return list.items;
  };

  before(async () => {
    await ensureDebianPackages(['git']);
    const cluster = await testCluster();
    kube = new CountingKube(cluster.kc);
    for (const f of crdFiles()) await kube.apply(parse(f.content) as KubeObject);
    for (const f of crdFiles()) {
      const name = (parse(f.content) as KubeObject).metadata.name;
      await eventually(`CRD ${name} Established`, 30_000, async () => {
        const crd = await kube.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name }) as { status?: { conditions?: Cond[] } } | undefined;
        return crd?.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
      });
    }
    await eventually('GitRepository served', 30_000, async () => (await kube.isNamespaced(GROUP, 'GitRepository')) ? true : undefined);
    ns = await testNamespace('src-git');

    root = tempDir('srcctl');
    infra = await TestRepo.create(root, 'infra');
    infra.write({ 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n', 'README.md': 'one\n' });
    await infra.commit('init');
    await infra.push();
    http = await startGitHttpServer({ root, auth: { basic: { username: 'alice', password: PASSWORD } } });
    daemon = await startGitDaemon(root);

    const sink = new Writable({ write(chunk: Buffer, _e, cb) { logLines.push(chunk.toString()); cb(); } });
    const log = pino({ level: 'debug' }, sink);
    store = await ArtifactStore.open({ root: join(root, '.data', 'artifacts'), log });
    const gitSource = new GitSource({ cacheDir: join(root, '.data', 'git'), store, log, timeoutMs: 60_000 });
    sources = new SourceArtifacts({ store, kube, log, dir: join(root, '.data', 'trees') });
    sources.onArtifactChanged((c) => changes.push(c));
    mgr = new Manager({ kubeConfig: cluster.kc, log, namespace: ns, metricsAddr: '0', healthAddr: '0' });
    const events = new KubeEventRecorder({ core: cluster.core, component: 'capstan-source-controller', instance: 'test', log });
    registerSourceControllers(mgr, { kube, log, events, store, git: gitSource, sources, gc: { graceMs: 3_000, intervalMs: 500 } });
    running = mgr.start();
    const receivers: ReceiverConfig[] = [{ name: 'push', namespace: ns, type: 'generic-hmac', token: HOOK_TOKEN }];
    webhooks = await startSourceWebhooks({ addr: '127.0.0.1:0', receivers: () => receivers, cache: mgr.cache, kube, log });
  });

  after(async () => {
    await webhooks?.close();
    await mgr?.stop();
    await running;
    sources?.close();
    await http?.stop();
    await daemon?.stop();
    if (root) rmTemp(root);
  });

  test('becomes Ready with main@sha1:<commit>; the artifact is in the store and unpacked read-only', async () => {
    const commit = (await git(infra.work, ['rev-parse', 'HEAD'])).trim();
    await putSecret('git-auth', { username: 'alice', password: PASSWORD });
    await apply('infra', { url: http.url('infra.git'), ref: { branch: 'main' }, interval: '1s', secretRef: { name: 'git-auth' } });
    const o = await waitFor('infra', 'Ready=True', (r) => cond(r, 'Ready')?.status === 'True');
    const a = o.status?.artifact;
    assert.equal(a?.revision, `main@sha1:${commit}`);
    assert.match(a?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.ok(a?.digest !== undefined && await store.has(a.digest), 'the artifact is in the store');
    assert.equal(a?.path, `sha256/${a?.digest?.slice(7, 9)}/${a?.digest?.slice(7)}`);
    assert.match(a?.url ?? '', /^file:\/\//);
    assert.ok((a?.size ?? 0) > 0);
    assert.deepEqual(
      { ready: cond(o, 'Ready')?.reason, stored: cond(o, 'ArtifactInStorage')?.status, reconciling: cond(o, 'Reconciling'), failed: cond(o, 'FetchFailed') },
      { ready: 'Succeeded', stored: 'True', reconciling: undefined, failed: undefined },
    );
    assert.equal(cond(o, 'Ready')?.message, `stored artifact for revision 'main@sha1:${commit}'`);
    assert.equal(o.status?.observedGeneration, o.metadata.generation);
    assert.deepEqual(o.metadata.finalizers, ['finalizers.capstan.dev']);
    await eventually('a NewArtifact event', 10_000, async () => ((await events('infra')).some((e) => e.reason === 'NewArtifact' && e.message?.includes(commit)) ? true : undefined));

    const tree = await sources.gitArtifact(ns, 'infra');
    assert.equal(tree?.revision, `main@sha1:${commit}`);
    assert.equal(readFileSync(join(tree?.dir ?? '', 'charts/app/Chart.yaml'), 'utf8'), 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    assert.equal(statSync(join(tree?.dir ?? '', 'README.md')).mode & 0o222, 0, 'files are read-only');
    assert.equal(statSync(tree?.dir ?? '').mode & 0o222, 0, 'directories are read-only');
    assert.equal((await sources.gitArtifact(ns, 'infra'))?.dir, tree?.dir, 'unpacked once per digest');
    assert.ok(changes.some((c) => c.kind === 'GitRepository' && c.name === 'infra' && c.revision === `main@sha1:${commit}`));
  });

  test('a reconcile that finds the same revision writes nothing', async () => {
    const before = await get('infra');
    const writes = kube.paths.filter((p) => p === `GitRepository/${ns}/infra`).length;
    await sleep(4000); // interval 1s: three or four fetches
    const now = await get('infra');
    assert.equal(kube.paths.filter((p) => p === `GitRepository/${ns}/infra`).length, writes, 'no status write');
    assert.equal(now?.metadata.resourceVersion, before?.metadata.resourceVersion);
    assert.ok(logLines.filter((l) => l.includes('"git source up to date"')).length >= 2, 'it did fetch (ls-remote) meanwhile');
  });

  test('a new commit becomes a new revision at the next interval', async () => {
    infra.write({ 'README.md': 'two\n' });
    const commit = await infra.commit('second');
    await infra.push();
    const o = await waitFor('infra', 'the new revision', (r) => r.status?.artifact?.revision === `main@sha1:${commit}` && cond(r, 'Ready')?.status === 'True');
    const tree = await sources.gitArtifact(ns, 'infra');
    assert.equal(tree?.digest, o.status?.artifact?.digest);
    assert.equal(readFileSync(join(tree?.dir ?? '', 'README.md'), 'utf8'), 'two\n');
    assert.ok(changes.some((c) => c.name === 'infra' && c.revision === `main@sha1:${commit}` && c.previousRevision?.startsWith('main@sha1:') === true));
    const waited = await sources.waitForGitArtifact(ns, 'infra', { timeoutMs: 5000 });
    assert.equal(waited.revision, `main@sha1:${commit}`);
  });

  test('wrong credentials: Ready=False with AuthFailed, the last artifact kept; fixed credentials recover', async () => {
    const good = (await get('infra'))?.status?.artifact;
    await putSecret('git-auth', { username: 'alice', password: WRONG });
    const o = await waitFor('infra', 'Ready=False AuthFailed', (r) => cond(r, 'Ready')?.status === 'False');
    assert.equal(cond(o, 'Ready')?.reason, 'AuthFailed');
    assert.equal(cond(o, 'FetchFailed')?.status, 'True');
    assert.equal(cond(o, 'FetchFailed')?.reason, 'AuthFailed');
    assert.match(cond(o, 'FetchFailed')?.message ?? '', /authentication to http:\/\/127\.0\.0\.1:\d+\/infra\.git failed/);
    assert.equal(cond(o, 'Stalled'), undefined, 'credentials can be fixed: not stalled');
    assert.deepEqual(o.status?.artifact, good, 'the last good artifact stays in the status');
    assert.equal(cond(o, 'ArtifactInStorage')?.status, 'True');
    assert.ok(good?.digest !== undefined && await store.has(good.digest), 'and in the store');
    assert.equal((await sources.gitArtifact(ns, 'infra'))?.revision, good?.revision);
    await eventually('a Warning event', 10_000, async () => ((await events('infra')).some((e) => e.type === 'Warning' && e.reason === 'AuthFailed') ? true : undefined));

    await putSecret('git-auth', { username: 'alice', password: PASSWORD });
    const back = await waitFor('infra', 'Ready=True again', (r) => cond(r, 'Ready')?.status === 'True');
    assert.equal(cond(back, 'FetchFailed'), undefined);
    assert.deepEqual(back.status?.artifact, good, 'same revision: the artifact (and its lastUpdateTime) unchanged');

    const exposed = JSON.stringify(await events('infra')) + JSON.stringify(back) + JSON.stringify(o) + logLines.join('');
    for (const s of [PASSWORD, WRONG, Buffer.from(`alice:${PASSWORD}`).toString('base64'), Buffer.from(`alice:${WRONG}`).toString('base64')]) {
      assert.ok(!exposed.includes(s), 'no credential in status, events or log');
    }
  });

  test('bad URL, missing ref, bad ref and missing Secret: Ready=False with the code, Stalled only when terminal', async () => {
    await apply('missing', { url: daemon.url('missing.git'), interval: '1m' });
    await apply('noref', { url: daemon.url('infra.git'), ref: { branch: 'no-such-branch' }, interval: '1m' });
    await apply('badref', { url: daemon.url('infra.git'), ref: { semver: '>=1.0 <<2' }, interval: '1m' });
    await apply('nosecret', { url: http.url('infra.git'), interval: '1m', secretRef: { name: 'absent' } });
    const reasons = async (name: string): Promise<[string | undefined, string | undefined, boolean]> => {
      const o = await waitFor(name, 'Ready=False', (r) => cond(r, 'Ready')?.status === 'False' && r.status?.observedGeneration === r.metadata.generation);
      return [cond(o, 'Ready')?.reason, cond(o, 'Stalled')?.status, o.status?.artifact === undefined];
    };
    assert.deepEqual(await reasons('missing'), ['RepositoryNotFound', undefined, true]);
    assert.deepEqual(await reasons('noref'), ['RefNotFound', undefined, true]);
    assert.deepEqual(await reasons('badref'), ['InvalidRef', 'True', true]);
    assert.deepEqual(await reasons('nosecret'), ['AuthenticationFailed', undefined, true]);
    const o = await get('nosecret');
    assert.match(cond(o, 'FetchFailed')?.message ?? '', /secret '.*\/absent'/);
  });

  test('suspend stops fetching; resuming fetches the new commit', async () => {
    const before = (await get('infra'))?.status?.artifact?.revision;
    await kube.apply({ apiVersion: GROUP, kind: 'GitRepository', metadata: { name: 'infra', namespace: ns }, spec: { url: http.url('infra.git'), ref: { branch: 'main' }, interval: '1s', secretRef: { name: 'git-auth' }, suspend: true } });
    await sleep(1500);
    infra.write({ 'README.md': 'three\n' });
    const commit = await infra.commit('third');
    await infra.push();
    await sleep(4000);
    assert.equal((await get('infra'))?.status?.artifact?.revision, before, 'suspended: not fetched');
    await apply('infra', { url: http.url('infra.git'), ref: { branch: 'main' }, interval: '1s', secretRef: { name: 'git-auth' }, suspend: false });
    await waitFor('infra', 'the commit made while suspended', (r) => r.status?.artifact?.revision === `main@sha1:${commit}`);
  });

  test('the reconcile-requested-at annotation and a signed push webhook fetch at once', async () => {
    const hooked = await TestRepo.create(root, 'hooked');
    hooked.write({ 'a.txt': '1\n' });
    await hooked.commit('one');
    await hooked.push();
    await apply('hooked', { url: daemon.url('hooked.git'), ref: { branch: 'main' }, interval: '1h' });
    await waitFor('hooked', 'Ready', (r) => cond(r, 'Ready')?.status === 'True');

    hooked.write({ 'a.txt': '2\n' });
    const second = await hooked.commit('two');
    await hooked.push();
    const at = new Date();
    await requestReconcile(kube, { namespace: ns, name: 'hooked' }, at);
    const o = await waitFor('hooked', 'the annotation to fetch', (r) => r.status?.artifact?.revision === `main@sha1:${second}`, 15_000);
    assert.equal(o.status?.lastHandledReconcileAt, at.toISOString());

    hooked.write({ 'a.txt': '3\n' });
    const third = await hooked.commit('three');
    await hooked.push();
    const body = JSON.stringify({ repository: daemon.url('hooked.git'), ref: 'refs/heads/main' });
    const path = receiverPath({ name: 'push', namespace: ns, token: HOOK_TOKEN });
    const unsigned = await fetch(`${webhooks.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(unsigned.status, 401);
    const res = await fetch(`${webhooks.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-signature': signBody(body, HOOK_TOKEN) } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { reconciles: 1 });
    await waitFor('hooked', 'the push to fetch', (r) => r.status?.artifact?.revision === `main@sha1:${third}`, 15_000);
  });

  test('deletion removes the finalizer and the working cache; garbage collection drops the artifact', async () => {
    const lone = await TestRepo.create(root, 'lone');
    lone.write({ 'only-here.txt': `${Date.now()}\n` });
    await lone.commit('one');
    await lone.push();
    await apply('lone', { url: daemon.url('lone.git'), interval: '1m' });
    const o = await waitFor('lone', 'Ready', (r) => cond(r, 'Ready')?.status === 'True');
    const digest = o.status?.artifact?.digest ?? '';
    assert.ok(await store.has(digest));
    const prefix = createHash('sha256').update(gitCacheKey(`${ns}/lone`)).digest('hex').slice(0, 16);
    const gitCaches = (): number => readdirSync(join(root, '.data', 'git', 'repos')).filter((n) => n.startsWith(`${prefix}-`)).length;
    assert.equal(gitCaches(), 1, 'the working cache of the object');
    await kube.delete({ apiVersion: GROUP, kind: 'GitRepository', name: 'lone', namespace: ns });
    await eventually('the GitRepository gone', 20_000, async () => ((await get('lone')) === undefined ? true : undefined));
    await eventually('the artifact collected', 20_000, async () => (!(await store.has(digest)) ? true : undefined));
    assert.ok(changes.some((c) => c.name === 'lone' && c.revision === undefined), 'dependants are told');
    assert.equal(gitCaches(), 0, 'the working cache is removed');
    const infraDigest = (await get('infra'))?.status?.artifact?.digest ?? '';
    assert.ok(await store.has(infraDigest), 'artifacts still referenced are kept');
  });
});
