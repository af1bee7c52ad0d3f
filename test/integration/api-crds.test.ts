/**
 * The generated CRDs on a real API server: each is accepted and becomes Established; the ARCHITECTURE.md example
 * of each kind is accepted (and defaulted); invalid objects are rejected naming the field, at the same path the
 * zod schemas report; `kubectl get` shows the printer columns, short names and the `capstan` category.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { crdFiles } from '../../src/api/crd-gen/index.ts';
import { markReconciling, markTrue, summarize, deleteCondition, ConditionType, Reason } from '../../src/api/conditions.ts';
import { parseCapstanObject } from '../../src/api/index.ts';
import { KubeClient, KubeError, type KubeObject } from '../../src/kube/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';
import { kubectlBinary } from '../support/helm-binaries.ts';

const run = promisify(execFile);
const examples = parseAllDocuments(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'api', 'architecture-examples.yaml'), 'utf8'))
  .map((d) => d.toJS() as KubeObject);

let client: KubeClient;
let kubeconfig: string;
let ns: string;
const cacheDir = mkdtempSync(join(tmpdir(), 'capstan-kubectl-cache-'));

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(kubectlBinary(), ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args]);
  return stdout;
}

function example(kind: string): KubeObject {
  const ex = structuredClone(examples.find((e) => e.kind === kind));
  assert.ok(ex, `an example of ${kind}`);
  ex.metadata.namespace = ns;
  return ex;
}

/** Applies once the API server serves the kind (discovery of a new group can lag Established a little). */
async function applyWhenServed(obj: KubeObject): Promise<KubeObject> {
  const r = await eventually(`${obj.kind} served`, 30_000, async () => {
    try {
      return { stored: await client.apply(obj) };
    } catch (e) {
      // only "kind not served yet" is retried; a rejection is final
      if (e instanceof KubeError && e.code !== 'NotFound' && !/no matches for kind|could not find the requested resource|Unrecognized API version and kind/.test(e.message)) return { rejected: e };
      throw e;
    }
  });
  if ('rejected' in r) throw r.rejected;
  return r.stored;
}

before(async () => {
  const cluster = await testCluster();
  kubeconfig = cluster.kubeconfigPath;
  client = new KubeClient(cluster.kc);
  // Server-side apply of the freshly generated CRDs through KubeClient (raw JSON body: the x-kubernetes-*
  // schema extensions must reach the server intact).
  for (const file of crdFiles()) await client.apply(parse(file.content) as KubeObject);
  for (const file of crdFiles()) {
    const name = (parse(file.content) as KubeObject).metadata.name;
    await eventually(`CRD ${name} Established`, 30_000, async () => {
      const crd = await client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name }) as
        (KubeObject & { status?: { conditions?: { type: string; status: string; message?: string }[] } }) | undefined;
      const conds = crd?.status?.conditions ?? [];
      const bad = conds.find((c) => c.type === 'NonStructuralSchema' && c.status === 'True');
      if (bad) assert.fail(`${name} is not structural: ${bad.message}`);
      return conds.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
    });
  }
  ns = await testNamespace('api-crds');
});

test('the API server accepts the ARCHITECTURE.md example of every kind and applies the CRD defaults', async () => {
  for (const ex of examples) {
    const stored = await applyWhenServed(example(ex.kind));
    assert.equal(stored.kind, ex.kind);
  }
  const hr = await client.get({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', name: 'k8sdemo', namespace: ns }) as KubeObject & { spec: Record<string, unknown> };
  assert.equal(hr.spec['maxHistory'], 5);
  assert.deepEqual(hr.spec['values'], { replicaCount: 2 }, 'free-form values are kept');
  const gitRepo = await client.get({ apiVersion: 'source.capstan.dev/v1', kind: 'GitRepository', name: 'infra', namespace: ns }) as KubeObject & { spec: Record<string, unknown> };
  assert.equal(gitRepo.spec['timeout'], '60s');
  // what the server stored (defaults included) still parses
  for (const o of [hr, gitRepo]) assert.ok(parseCapstanObject(o).ok);
});

type Invalid = [name: string, kind: string, change: (spec: Record<string, unknown>) => void, path: string, text: string];
const invalid: Invalid[] = [
  ['an unknown enum value', 'HelmRelease', (s) => { s['install'] = { crds: 'Bogus' }; }, 'spec.install.crds', 'Unsupported value: "Bogus"'],
  ['a missing required field', 'HelmRelease', (s) => { delete s['interval']; }, 'spec.interval', 'Required value'],
  ['two chart forms', 'HelmRelease', (s) => { s['chart'] = { ...(s['chart'] as object), repository: { url: 'https://c', name: 'a', version: '1.0.0' } }; }, 'spec.chart', 'exactly one of spec, git or repository must be set'],
  ['a timeout in words', 'HelmRelease', (s) => { s['timeout'] = '5 minutes'; }, 'spec.timeout', 'must be a duration'],
  ['a string for an integer', 'HelmRelease', (s) => { s['upgrade'] = { remediation: { retries: 'many' } }; }, 'spec.upgrade.remediation.retries', 'expected numeric'],
  ['a URL scheme Git does not take', 'GitRepository', (s) => { s['url'] = 'ftp://h/r'; }, 'spec.url', 'should match'],
  ['a type against the URL', 'HelmRepository', (s) => { s['type'] = 'oci'; }, 'spec.type', 'type must be oci exactly when the url starts with oci://'],
  ['a source that is not a GitRepository', 'GitSync', (s) => { s['sourceRef'] = { kind: 'Bucket', name: 'b' }; }, 'spec.sourceRef.kind', 'Unsupported value: "Bucket"'],
  ['no image', 'ImageRepository', (s) => { delete s['image']; }, 'spec.image', 'Required value'],
  ['two policies', 'ImagePolicy', (s) => { s['policy'] = { glob: 'myapp-v*', semver: { range: '>=1' } }; }, 'spec.policy', 'exactly one of semver, alphabetical, numerical, glob or regex must be set'],
  ['an unknown update strategy', 'ImageUpdateAutomation', (s) => { s['update'] = { strategy: 'Regex' }; }, 'spec.update.strategy', 'Unsupported value: "Regex"'],
];

for (const [name, kind, change, path, text] of invalid) {
  test(`the API server rejects a ${kind} with ${name}, naming ${path}; zod names the same path`, async () => {
    const obj = example(kind);
    obj.metadata.name = `bad-${name.replaceAll(/[^a-z]+/g, '-')}`.slice(0, 50).replace(/-$/, '');
    change(obj.spec as Record<string, unknown>);
    const err = await applyWhenServed(obj).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof KubeError, `rejected: ${String(err)}`);
    // schema violations are 422 Invalid; a wrong JSON type already fails server-side apply's typed conversion (500)
    assert.ok(err.code === 'Invalid' || err.message.includes('failed to create typed patch object'), `${err.code}: ${err.message}`);
    assert.ok(err.message.includes(`${path}: `), `message names ${path}: ${err.message}`);
    assert.ok(err.message.includes(text), `message says "${text}": ${err.message}`);
    const zod = parseCapstanObject(obj);
    assert.ok(!zod.ok && zod.issues.some((i) => i.path === path), `zod reports ${path}: ${JSON.stringify(zod)}`);
  });
}

function table(out: string): { header: string[]; rows: string[][] } {
  const [head = '', ...lines] = out.trimEnd().split('\n');
  const split = (l: string): string[] => l.trim().split(/\s{2,}/);
  return { header: split(head), rows: lines.map(split) };
}

test('kubectl get shows the printer columns, with status written through the condition helpers', async () => {
  const hr = await applyWhenServed({ ...example('HelmRelease'), metadata: { name: 'columns', namespace: ns } });
  const status: { metadata: { generation?: number | undefined }; status: Record<string, unknown> } = { metadata: { generation: hr.metadata.generation }, status: {} };
  markReconciling(status, Reason.Progressing, 'Running install');
  markTrue(status, ConditionType.Released, Reason.InstallSucceeded, 'Helm install succeeded for release columns.v1');
  deleteCondition(status, ConditionType.Reconciling);
  summarize(status);
  status.status['history'] = [{
    name: 'columns', namespace: ns, version: 1, status: 'deployed', chartName: 'k8sdemo', chartVersion: '0.1.0',
    configDigest: 'sha256:0', firstDeployed: '2026-01-01T00:00:00Z', lastDeployed: '2026-01-01T00:00:00Z',
  }];
  status.status['observedGeneration'] = hr.metadata.generation;
  await kubectl('patch', 'helmrelease', 'columns', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: status.status }));

  const { header, rows } = table(await kubectl('get', 'hr', 'columns', '-n', ns));
  assert.deepEqual(header, ['NAME', 'READY', 'STATUS', 'REVISION', 'CHART', 'AGE']);
  assert.deepEqual(rows[0]?.slice(0, 5), ['columns', 'True', 'Helm install succeeded for release columns.v1', '1', 'k8sdemo']);
  assert.ok(table(await kubectl('get', 'hr', 'columns', '-n', ns, '-o', 'wide')).header.includes('VERSION'));
});

test('every kind answers to its short name with Ready, Status and Age columns; `kubectl get capstan` lists them all', async () => {
  for (const ex of examples) await applyWhenServed(example(ex.kind));
  const shortNames: Record<string, string[]> = {
    gitrepo: ['URL', 'REVISION'], helmrepo: ['URL', 'REVISION'], gs: ['REVISION'], imgrepo: ['IMAGE', 'TAGS', 'LAST SCAN'],
    imgpol: ['IMAGE', 'TAG'], imgupd: ['LAST RUN'], hr: ['REVISION', 'CHART'],
  };
  for (const [short, extra] of Object.entries(shortNames)) {
    const { header, rows } = table(await kubectl('get', short, '-n', ns));
    for (const col of ['NAME', 'READY', 'STATUS', ...extra, 'AGE']) assert.ok(header.includes(col), `${short}: ${col} in ${header.join(' ')}`);
    assert.ok(rows.length >= 1, `${short} lists the example`);
  }
  const all = await kubectl('get', 'capstan', '-n', ns, '-o', 'name');
  for (const kind of ['helmrelease', 'gitrepository', 'helmrepository', 'gitsync', 'imagerepository', 'imagepolicy', 'imageupdateautomation']) {
    assert.match(all, new RegExp(`^${kind}\\.`, 'm'), `kubectl get capstan lists ${kind}`);
  }
});
