import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHelmRelease, type HelmReleaseInput } from '../../../src/api/index.ts';
import { toPlain } from '../../../src/chart/index.ts';
import { Redactor } from '../../../src/reconcilers/helmrelease/redact.ts';
import { composeValues, ValuesError } from '../../../src/reconcilers/helmrelease/values.ts';
import type { ConfigData, ConfigReader } from '../../../src/reconcilers/shared/object-reader.ts';

function reader(objs: Record<string, Record<string, string>>): ConfigReader {
  return {
    read: async (kind, namespace, name): Promise<ConfigData | undefined> => {
      const d = objs[`${kind}/${namespace}/${name}`];
      return d === undefined ? undefined : { kind, namespace, name, data: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Buffer.from(v)])) };
    },
  };
}

function hr(spec: Partial<HelmReleaseInput['spec']>) {
  const r = parseHelmRelease({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'web', namespace: 'apps' }, spec: { chart: { git: { url: 'file:///r', path: 'c' } }, interval: '1m', ...spec } });
  assert.ok(r.ok);
  return r.value;
}

test('valuesFrom in order, targetPath sets one value, then values over all', async () => {
  const objs = reader({
    'ConfigMap/apps/base': { 'values.yaml': 'a: 1\nnested: {x: base, z: base}\nlist: [1, 2]\n' },
    'Secret/apps/creds': { 'values.yaml': 'nested: {z: secret}\npassword: hunter22\n' },
    'ConfigMap/apps/one': { tag: 'v2\n' },
  });
  const values = await composeValues(hr({
    valuesFrom: [
      { kind: 'ConfigMap', name: 'base' },
      { kind: 'Secret', name: 'creds' },
      { kind: 'ConfigMap', name: 'one', valuesKey: 'tag', targetPath: 'image.tag' },
      { kind: 'ConfigMap', name: 'absent', optional: true },
    ],
    values: { list: [3], nested: { x: 'inline' } },
  }), objs, new Redactor());
  assert.deepEqual(toPlain(values), { a: 1, nested: { x: 'inline', z: 'secret' }, list: [3], password: 'hunter22', image: { tag: 'v2' } });
});

test('a missing object or key fails naming it, unless optional', async () => {
  await assert.rejects(composeValues(hr({ valuesFrom: [{ kind: 'Secret', name: 'nope' }] }), reader({}), new Redactor()),
    (e: unknown) => e instanceof ValuesError && e.message === "could not find Secret 'apps/nope'");
  await assert.rejects(composeValues(hr({ valuesFrom: [{ kind: 'ConfigMap', name: 'cm', valuesKey: 'k' }] }), reader({ 'ConfigMap/apps/cm': {} }), new Redactor()),
    /missing key 'k' in ConfigMap 'apps\/cm'/);
  assert.deepEqual(toPlain(await composeValues(hr({ valuesFrom: [{ kind: 'ConfigMap', name: 'cm', valuesKey: 'k', optional: true }] }), reader({ 'ConfigMap/apps/cm': {} }), new Redactor())), {});
});

test('a Secret that is not valid YAML is reported without quoting it; its values are redacted from messages', async () => {
  const redactor = new Redactor();
  await assert.rejects(composeValues(hr({ valuesFrom: [{ kind: 'Secret', name: 's' }] }), reader({ 'Secret/apps/s': { 'values.yaml': 'token: [unclosed s3cr3t' } }), redactor),
    (e: unknown) => e instanceof ValuesError && !e.message.includes('s3cr3t') && e.message.includes("Secret 'apps/s'"));
  const r2 = new Redactor();
  await composeValues(hr({ valuesFrom: [{ kind: 'Secret', name: 's' }] }), reader({ 'Secret/apps/s': { 'values.yaml': 'db: {password: correct-horse}\n' } }), r2);
  assert.equal(r2.redact('render failed: password correct-horse is bad (Y29ycmVjdC1ob3JzZQ==)'), 'render failed: password *** is bad (***)');
});
