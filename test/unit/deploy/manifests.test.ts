/**
 * deploy/ and the Dockerfile agree with the code: the CRD kustomization lists exactly the generated CRDs, the
 * Deployment runs `capstan operator` locked down with its probes and writable caches, the RBAC grants no
 * write on Secrets/ConfigMaps and no cluster-admin, and the image's entrypoint is the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { crdFiles } from '../../../src/api/crd-gen/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const yaml = (p: string): Record<string, unknown> => parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

test('crds/kustomization.yaml lists exactly the generated CRDs; deploy/ includes it and leaves cluster-admin out', () => {
  assert.deepEqual([...(yaml('crds/kustomization.yaml')['resources'] as string[])].sort(), crdFiles().map((f) => f.name).sort());
  const k = yaml('deploy/kustomization.yaml')['resources'] as string[];
  assert.ok(k.includes('../crds'));
  assert.ok(!k.some((r) => r.includes('cluster-admin')));
});

test('the Deployment runs the operator as non-root on a read-only root with /cache and /tmp writable, probed', () => {
  const d = yaml('deploy/deployment.yaml') as { spec: { template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[]; volumes: { name: string; emptyDir?: unknown }[] } } } };
  const pod = d.spec.template.spec;
  const c = pod.containers[0] as { args: string[]; securityContext: Record<string, unknown>; livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } }; volumeMounts: { mountPath: string }[]; resources: { requests: unknown } };
  assert.equal(c.args[0], 'operator');
  assert.ok(c.args.includes('--leader-elect'));
  assert.equal((pod['securityContext'] as Record<string, unknown>)['runAsNonRoot'], true);
  assert.equal(c.securityContext['readOnlyRootFilesystem'], true);
  assert.equal(c.securityContext['allowPrivilegeEscalation'], false);
  assert.equal(c.livenessProbe.httpGet.path, '/healthz');
  assert.equal(c.readinessProbe.httpGet.path, '/readyz');
  assert.ok(c.resources.requests);
  assert.deepEqual(c.volumeMounts.map((m) => m.mountPath).sort(), ['/cache', '/tmp']);
  assert.ok(pod.volumes.every((v) => v.emptyDir !== undefined));
});

test('the operator\'s RBAC reads ConfigMaps and Secrets but never writes them', () => {
  const docs = parseAllDocuments(readFileSync(join(root, 'deploy/rbac.yaml'), 'utf8')).map((x) => x.toJS() as Record<string, unknown>);
  const role = docs.find((x) => x['kind'] === 'ClusterRole') as { rules: { resources: string[]; verbs: string[] }[] };
  const secrets = role.rules.filter((r) => r.resources.includes('secrets'));
  assert.ok(secrets.length > 0);
  for (const r of secrets) assert.deepEqual([...r.verbs].sort(), ['get', 'list', 'watch']);
  assert.ok(role.rules.some((r) => r.resources.includes('serviceaccounts/token') && r.verbs.includes('create')));
  assert.ok(!role.rules.some((r) => r.verbs.includes('*')));
});

test('the image runs the CLI, whose default command is the operator', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  assert.match(dockerfile, /ENTRYPOINT \["node", "\/app\/src\/cli\/main\.ts"\]/);
  assert.match(dockerfile, /CMD \["operator"\]/);
  assert.match(dockerfile, /USER 65532/);
});
