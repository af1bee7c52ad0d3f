/**
 * The set-up the operator integration tests share, as node:test hooks: `before` gets the test cluster, applies
 * the CRDs, makes a test namespace, commits fixture charts to a chart repo, starts the operator watching that
 * namespace and (unless told not to) applies GitRepository `infra` following the chart repo; `after` stops the
 * operator and removes the repo. Call it at the top level of a test file; the object it returns is filled in by
 * `before`, so read it inside hooks and tests only.
 */
import { after, before } from 'node:test';
import { KubeClient } from '../../src/kube/index.ts';
import { testCluster, testNamespace } from './cluster.ts';
import { applyCrds, chartRepo, gitRepository, startOperator, type ChartRepo, type TestOperator } from './operator.ts';

export interface OperatorFixtureOptions {
  /** prefix of the test namespace's name */
  prefix: string;
  /** fixture charts (test/fixtures/charts) committed under `charts/<name>` of the chart repo */
  charts: readonly string[];
  /** more options of startOperator; it watches the test namespace */
  operator?: Omit<Parameters<typeof startOperator>[0], 'namespace'>;
  /** whether `before` applies GitRepository `infra` following the chart repo (default true); false where the test applies it */
  gitRepository?: boolean;
}

export interface OperatorFixture {
  readonly kube: KubeClient;
  /** the test namespace, which the operator watches */
  readonly ns: string;
  readonly repo: ChartRepo;
  readonly op: TestOperator;
}

export function useOperatorFixture(o: OperatorFixtureOptions): OperatorFixture {
  let kube: KubeClient | undefined;
  let ns: string | undefined;
  let repo: ChartRepo | undefined;
  let op: TestOperator | undefined;

  before(async () => {
    const { kc } = await testCluster();
    kube = new KubeClient(kc);
    await applyCrds();
    ns = await testNamespace(o.prefix);
    repo = await chartRepo(o.charts);
    op = await startOperator({ namespace: ns, ...o.operator });
    if (o.gitRepository ?? true) await kube.apply(gitRepository(ns, 'infra', repo.url));
  });

  after(async () => {
    await op?.stop();
    repo?.remove();
  });

  const filled = <T>(name: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`operator fixture (${o.prefix}): ${name} is not set yet; read it inside a hook or test, after before() ran`);
    return v;
  };
  return {
    get kube() { return filled('kube', kube); },
    get ns() { return filled('ns', ns); },
    get repo() { return filled('repo', repo); },
    get op() { return filled('op', op); },
  };
}
