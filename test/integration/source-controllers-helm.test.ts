/**
 * The HelmRepository controller on the real control plane: an HTTP chart repository (charts packaged and
 * indexed by the real Helm CLI, served by node:http with ETag and basic auth) and an OCI registry (Debian's
 * docker-registry, a chart pushed with the real `helm push`). Ready with the index digest as revision,
 * conditional GETs while nothing changes, a new revision when the index changes, errors with their codes, and
 * the shared per-object clients of SourceArtifacts (reused, replaced when the Secret changes).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { crdFiles } from '../../src/api/crd-gen/index.ts';
import { Manager } from '../../src/controller/index.ts';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { KubeEventRecorder } from '../../src/reconcilers/shared/events.ts';
import { SourceArtifacts, SourceUnavailableError, registerSourceControllers, type ArtifactChange } from '../../src/reconcilers/source/index.ts';
import { ArtifactStore } from '../../src/source/artifacts/index.ts';
import { GitSource } from '../../src/source/git/index.ts';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { helmEnv, helmOk, packageChart } from '../support/helm-package.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

const GROUP = 'source.capstan.dev/v1';
const PASSWORD = 'chart-repo-password-9f8e7d';

interface Cond { type: string; status: string; reason: string; message: string }
interface RepoStatus {
  conditions?: Cond[];
  artifact?: { path: string; url: string; revision: string; digest?: string; lastUpdateTime: string; metadata?: Record<string, string> };
  observedGeneration?: number;
}
type Repo = KubeObject & { status?: RepoStatus };

const cond = (o: Repo | undefined, type: string): Cond | undefined => o?.status?.conditions?.find((c) => c.type === type);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('HelmRepository controller', () => {
  let ns: string;
  let kube: KubeClient;
  let root: string;
  let env: NodeJS.ProcessEnv;
  let repoDir: string;
  let server: ChartRepoServer;
  let registry: TestRegistry;
  let sources: SourceArtifacts;
  let mgr: Manager;
  let running: Promise<void>;
  const changes: ArtifactChange[] = [];

  const get = async (name: string): Promise<Repo | undefined> => await kube.get({ apiVersion: GROUP, kind: 'HelmRepository', name, namespace: ns }) as Repo | undefined;
  const apply = async (name: string, spec: Record<string, unknown>): Promise<void> => {
    await kube.apply({ apiVersion: GROUP, kind: 'HelmRepository', metadata: { name, namespace: ns }, spec });
  };
  const putSecret = async (name: string, data: Record<string, string>): Promise<void> => {
    await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns }, stringData: data, type: 'Opaque' });
  };
  const waitFor = async (name: string, what: string, check: (o: Repo) => boolean, timeoutMs = 30_000): Promise<Repo> =>
    eventually(`${name}: ${what}`, timeoutMs, async () => {
      const o = await get(name);
      return o !== undefined && check(o) ? o : undefined;
    });
  const indexDigest = (): string => `sha256:${createHash('sha256').update(readFileSync(join(repoDir, 'index.yaml'))).digest('hex')}`;

  before(async () => {
    const cluster = await testCluster();
    kube = new KubeClient(cluster.kc);
    for (const f of crdFiles()) await kube.apply(parse(f.content) as KubeObject);
    for (const f of crdFiles()) {
      const name = (parse(f.content) as KubeObject).metadata.name;
      await eventually(`CRD ${name} Established`, 30_000, async () => {
        const crd = await kube.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name }) as { status?: { conditions?: Cond[] } } | undefined;
        return crd?.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
      });
    }
    await eventually('HelmRepository served', 30_000, async () => (await kube.isNamespaced(GROUP, 'HelmRepository')) ? true : undefined);
    ns = await testNamespace('src-helm');

    root = mkdtempSync(join(tmpdir(), 'capstan-srcctl-helm-'));
    env = helmEnv(join(root, 'helm'));
    repoDir = join(root, 'repo');
    const [tgz] = await packageChart(repoDir, 'demo', ['1.0.0'], env);
    await helmOk(['repo', 'index', repoDir], env);
    server = await startChartRepoServer({ dir: repoDir, basicAuth: { username: 'bob', password: PASSWORD } });
    registry = await startRegistry();
    await helmOk(['push', tgz ?? '', `${registry.url}/charts`, '--plain-http'], env);

    const log = createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as 'silent' });
    const store = await ArtifactStore.open({ root: join(root, 'artifacts'), log });
    sources = new SourceArtifacts({ store, kube, log, dir: join(root, 'trees') });
    sources.onArtifactChanged((c) => changes.push(c));
    mgr = new Manager({ kubeConfig: cluster.kc, log, namespace: ns, metricsAddr: '0', healthAddr: '0' });
    const events = new KubeEventRecorder({ core: cluster.core, component: 'capstan-source-controller', instance: 'test', log });
    const git = new GitSource({ cacheDir: join(root, 'git'), store, log });
    registerSourceControllers(mgr, { kube, log, events, store, git, sources });
    running = mgr.start();
  });

  after(async () => {
    await mgr?.stop();
    await running;
    sources?.close();
    await server?.close();
    await registry?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('an HTTP repository becomes Ready with the index digest as revision; unchanged, it is asked with If-None-Match and writes nothing', async () => {
    await putSecret('charts-auth', { username: 'bob', password: PASSWORD });
    await apply('charts', { url: server.url, interval: '1s', secretRef: { name: 'charts-auth' } });
    const o = await waitFor('charts', 'Ready=True', (r) => cond(r, 'Ready')?.status === 'True');
    assert.equal(cond(o, 'Ready')?.reason, 'Succeeded');
    assert.equal(o.status?.artifact?.revision, indexDigest());
    assert.equal(o.status?.artifact?.digest, indexDigest());
    assert.equal(o.status?.artifact?.url, `${server.url}/index.yaml`);
    assert.deepEqual(o.status?.artifact?.metadata, { charts: '1', versions: '1' });
    assert.equal(o.status?.observedGeneration, o.metadata.generation);

    const rv = o.metadata.resourceVersion;
    const seen = server.requests.length;
    await sleep(3500);
    const again = server.requests.slice(seen).filter((r) => r.path === '/index.yaml');
    assert.ok(again.length >= 2, 'checked at the interval');
    assert.ok(again.every((r) => r.ifNoneMatch !== undefined && r.status === 304), 'conditional GETs answered 304');
    assert.equal((await get('charts'))?.metadata.resourceVersion, rv, 'nothing written');
    assert.ok(changes.some((c) => c.kind === 'HelmRepository' && c.name === 'charts' && c.revision === indexDigest()));
  });

  test('SourceArtifacts gives one reused client per object, replaced when its Secret changes', async () => {
    const h = await sources.helmRepositoryClient(ns, 'charts');
    assert.equal(h?.kind, 'http');
    if (h?.kind !== 'http') return;
    const entry = await h.client.resolve('demo', '^1');
    assert.equal(entry.version, '1.0.0');
    assert.equal((await sources.helmRepositoryClient(ns, 'charts'))?.client, h.client, 'reused');
    assert.equal(await sources.helmRepositoryClient(ns, 'absent'), undefined);
    await putSecret('rotating', { username: 'bob', password: PASSWORD });
    await apply('rotating', { url: server.url, interval: '1m', secretRef: { name: 'rotating' } });
    await waitFor('rotating', 'Ready', (r) => cond(r, 'Ready')?.status === 'True');
    const first = await sources.helmRepositoryClient(ns, 'rotating');
    await putSecret('rotating', { username: 'bob', password: `${PASSWORD}-rotated` });
    const second = await eventually('a new client for the new Secret', 10_000, async () => {
      const c = await sources.helmRepositoryClient(ns, 'rotating');
      return c !== undefined && c.client !== first?.client ? c : undefined;
    });
    assert.equal((await sources.helmRepositoryClient(ns, 'rotating'))?.client, second.client, 'and that one is reused');
    await putSecret('other-auth', { username: 'bob' });
    await apply('half', { url: server.url, interval: '1m', secretRef: { name: 'other-auth' } });
    await eventually('half cached', 10_000, async () => (mgr.cache.list({ apiVersion: GROUP, kind: 'HelmRepository', plural: 'helmrepositories' }, ns).some((x) => x.metadata.name === 'half') ? true : undefined));
    await assert.rejects(sources.helmRepositoryClient(ns, 'half'), SourceUnavailableError);
    const stalled = await waitFor('half', 'Stalled', (r) => cond(r, 'Stalled')?.status === 'True');
    assert.equal(cond(stalled, 'Ready')?.reason, 'AuthenticationFailed');
  });

  test('a changed index is a new revision; the shared client keeps its wanted charts', async () => {
    const before = (await get('charts'))?.status?.artifact;
    await packageChart(repoDir, 'demo', ['1.1.0'], env);
    await helmOk(['repo', 'index', repoDir], env);
    const o = await waitFor('charts', 'the new index revision', (r) => r.status?.artifact?.revision === indexDigest());
    assert.notEqual(o.status?.artifact?.lastUpdateTime, before?.lastUpdateTime);
    assert.notEqual(o.status?.artifact?.revision, before?.revision);
    assert.deepEqual(o.status?.artifact?.metadata, { charts: '1', versions: '2' });
    const h = await sources.helmRepositoryClient(ns, 'charts');
    assert.ok(h?.kind === 'http' && h.client.cached()?.entries.has('demo'), 'the controller refreshed the index with the charts asked for');
    const seen = server.requests.length;
    if (h?.kind === 'http') assert.equal((await h.client.resolve('demo', '^1')).version, '1.1.0');
    assert.equal(server.requests.slice(seen).filter((r) => r.status === 200).length, 0, 'no second download of the index');
    assert.ok(changes.some((c) => c.name === 'charts' && c.revision === indexDigest() && c.previousRevision === before?.revision));
  });

  test('errors: a wrong password, a path without an index, an unreachable host', async () => {
    await putSecret('bad-auth', { username: 'bob', password: 'not-the-password-123' });
    await apply('badauth', { url: server.url, interval: '1m', secretRef: { name: 'bad-auth' } });
    await apply('noindex', { url: `${server.url}/nothing-here`, interval: '1m', secretRef: { name: 'charts-auth' } });
    await apply('down', { url: 'http://127.0.0.1:9/charts', interval: '1m' });
    const failed = async (name: string): Promise<[string | undefined, string | undefined, string | undefined]> => {
      const o = await waitFor(name, 'Ready=False', (r) => cond(r, 'Ready')?.status === 'False');
      return [cond(o, 'Ready')?.reason, cond(o, 'FetchFailed')?.status, cond(o, 'Stalled')?.status];
    };
    assert.deepEqual(await failed('badauth'), ['AuthenticationFailed', 'True', undefined]);
    assert.deepEqual(await failed('noindex'), ['IndexFetchFailed', 'True', undefined]);
    assert.deepEqual(await failed('down'), ['IndexFetchFailed', 'True', undefined]);
    const o = await get('badauth');
    assert.ok(!JSON.stringify(o).includes('not-the-password-123'));
  });

  test('an OCI repository is Ready when its registry answers; its shared client pulls the chart', async () => {
    await apply('oci', { url: `${registry.url}/charts`, interval: '1m', insecure: true });
    const o = await waitFor('oci', 'Ready=True', (r) => cond(r, 'Ready')?.status === 'True');
    assert.equal(o.status?.artifact, undefined);
    assert.match(cond(o, 'Ready')?.message ?? '', /registry oci:\/\/127\.0\.0\.1:\d+\/charts answers/);
    const h = await sources.helmRepositoryClient(ns, 'oci');
    assert.equal(h?.kind, 'oci');
    if (h?.kind === 'oci') assert.equal((await h.client.resolve('demo', '1.0.0')).version, '1.0.0');

    await apply('oci-down', { url: 'oci://127.0.0.1:9/charts', interval: '1m', insecure: true });
    const down = await waitFor('oci-down', 'Ready=False', (r) => cond(r, 'Ready')?.status === 'False');
    assert.equal(cond(down, 'Ready')?.reason, 'RegistryUnreachable');
  });
});
