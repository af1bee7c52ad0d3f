/**
 * Running the Capstan operator in tests: CRDs applied once per process, the operator's own wiring
 * (src/cli/operator-setup.ts) started in process and watching one test namespace (so test files running in
 * parallel do not see each other's objects), charts served from a local bare Git repository (file://), and
 * helpers to create HelmReleases and wait for their conditions.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { LevelWithSilent } from 'pino';
import { parse } from 'yaml';
import { crdFiles } from '../../src/api/crd-gen/index.ts';
import type { Condition, HelmReleaseInput } from '../../src/api/index.ts';
import { createOperator, type Operator, type OperatorOptions } from '../../src/cli/operator-setup.ts';
import { KubeClient, rawRequest, waitForReady, type KubeObject } from '../../src/kube/index.ts';
import { createRootLogger, type Logger } from '../../src/observability/logger.ts';
import { eventually, testCluster } from './cluster.ts';
import { TestRepo, rmTemp, tempDir } from './git-server.ts';

export const chartsDir = join(import.meta.dirname, '..', 'fixtures', 'charts');

export function testLogger(): Logger {
  return createRootLogger({ level: (process.env['CAPSTAN_TEST_LOG_LEVEL'] ?? 'silent') as LevelWithSilent });
}

let crds: Promise<void> | undefined;

/** Applies the CRDs of src/api (what crds/ holds) and waits until they are established; once per process. */
export function applyCrds(): Promise<void> {
  crds ??= (async () => {
    const { kc } = await testCluster();
    const kube = new KubeClient(kc);
    const objs = crdFiles().map((f) => parse(f.content) as KubeObject);
    for (const o of objs) await kube.apply(o);
    await waitForReady(kube, objs.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name })), { timeoutMs: 30_000 });
    // discovery of a new group can lag Established a little
    await eventually('HelmRelease served', 30_000, async () => (await kube.isNamespaced('helm.capstan.dev/v1', 'HelmRelease').catch(() => undefined)) === true ? true : undefined);
  })();
  return crds;
}

export interface TestOperator extends Operator {
  stop(): Promise<void>;
}

/** Starts the operator in process, watching `namespace` only; `stop()` shuts it down. */
export async function startOperator(o: Partial<OperatorOptions> & { namespace: string; kubeConfig?: KubeConfig }): Promise<TestOperator> {
  const { kc } = await testCluster();
  const cacheDir = tempDir('operator');
  const op = await createOperator({
    kubeConfig: o.kubeConfig ?? kc, log: testLogger(), metricsAddr: '127.0.0.1:0', healthAddr: '127.0.0.1:0', cacheDir, concurrent: 4,
    leaderElectionNamespace: o.namespace, gracefulShutdownTimeoutMs: 5_000, requeueDependencyMs: 1_000, ...o,
  });
  const running = op.manager.start();
  return {
    ...op,
    stop: async () => {
      await op.manager.stop();
      await running.catch(() => undefined);
      await op.close();
      rmTemp(cacheDir);
    },
  };
}

function filesUnder(dir: string, prefix: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[join(prefix, relative(dir, p))] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

/** A bare Git repository (file://) holding fixture charts under `charts/<name>`. */
export interface ChartRepo {
  url: string;
  repo: TestRepo;
  /** writes files (path → content), commits and pushes; returns the commit */
  commit(files: Record<string, string | Uint8Array>, message?: string): Promise<string>;
  remove(): void;
}

export async function chartRepo(charts: readonly string[]): Promise<ChartRepo> {
  const root = tempDir('charts-repo');
  const repo = await TestRepo.create(root, 'infra');
  for (const c of charts) repo.write(filesUnder(join(chartsDir, c), join('charts', c)));
  await repo.commit('charts');
  await repo.push();
  return {
    url: `file://${repo.bare}`,
    repo,
    commit: async (files, message = 'change') => {
      repo.write(files);
      const c = await repo.commit(message);
      await repo.push();
      return c;
    },
    remove: () => rmTemp(root),
  };
}

export const hrApiVersion = 'helm.capstan.dev/v1';

export interface HelmReleaseObj extends KubeObject {
  status?: { conditions?: Condition[]; history?: { version: number; chartVersion: string; status: string }[]; [k: string]: unknown };
}

/** A GitRepository in `ns` following `main` of the chart repo. */
export function gitRepository(ns: string, name: string, url: string): KubeObject {
  return { apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', metadata: { name, namespace: ns }, spec: { url, ref: { branch: 'main' }, interval: '1m' } };
}

export function helmRelease(ns: string, name: string, spec: Omit<HelmReleaseInput['spec'], 'interval'> & { interval?: string }): KubeObject {
  return { apiVersion: hrApiVersion, kind: 'HelmRelease', metadata: { name, namespace: ns }, spec: { interval: '1m', ...spec } };
}

export function condition(o: HelmReleaseObj | undefined, type: string): Condition | undefined {
  return o?.status?.conditions?.find((c) => c.type === type);
}

export async function getHr(kube: KubeClient, ns: string, name: string): Promise<HelmReleaseObj | undefined> {
  return await kube.get({ apiVersion: hrApiVersion, kind: 'HelmRelease', name, namespace: ns }) as HelmReleaseObj | undefined;
}

/** Waits until the HelmRelease satisfies `check` (returns it); the error shows its last conditions. */
export async function waitForHr(kube: KubeClient, ns: string, name: string, what: string, check: (o: HelmReleaseObj) => boolean, timeoutMs = 45_000): Promise<HelmReleaseObj> {
  let last: HelmReleaseObj | undefined;
  try {
    return await eventually(`HelmRelease ${ns}/${name}: ${what}`, timeoutMs, async () => {
      last = await getHr(kube, ns, name);
      return last !== undefined && check(last) ? last : undefined;
    });
  } catch (e) {
    throw new Error(`${(e as Error).message}\nlast conditions: ${JSON.stringify(last?.status?.conditions ?? [], null, 1)}`);
  }
}

/** Ready=True for the current generation. */
export const isReady = (o: HelmReleaseObj): boolean => {
  const c = condition(o, 'Ready');
  return c?.status === 'True' && c.observedGeneration === o.metadata.generation;
};

/** A JSON merge patch of a HelmRelease (labels, annotations, spec fields). */
export async function patchHr(kube: KubeClient, ns: string, name: string, patch: unknown): Promise<HelmReleaseObj> {
  const path = await kube.resourcePath(hrApiVersion, 'HelmRelease', name, ns);
  return rawRequest<HelmReleaseObj>(kube.kc, 'PATCH', path, JSON.stringify(patch), 'application/merge-patch+json');
}

/** A JSON merge patch of any object. */
export async function mergePatch(kube: KubeClient, ref: { apiVersion: string; kind: string; name: string; namespace?: string }, patch: unknown): Promise<KubeObject> {
  const path = await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace);
  return rawRequest<KubeObject>(kube.kc, 'PATCH', path, JSON.stringify(patch), 'application/merge-patch+json');
}
