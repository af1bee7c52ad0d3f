import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeRelease, encodeRelease, formatGoTime, parseGoTime, releaseJson, type Release } from '../../../src/release/index.ts';

const t = (s: string) => parseGoTime(s);

function sample(): Release {
  return {
    name: 'web', version: 2, namespace: 'apps',
    info: { first_deployed: t('2026-11-23T10:00:00.123456789Z'), last_deployed: t('2026-11-23T11:00:00Z'), description: 'Upgrade complete', status: 'deployed', notes: 'a <b> & c' },
    chart: {
      metadata: { name: 'web', version: '1.0.0', apiVersion: 'v2', appVersion: '2.0', annotations: { z: '1', a: '2' } },
      lock: null,
      templates: [{ name: 'templates/cm.yaml', data: new Uint8Array(Buffer.from('kind: ConfigMap\n')) }],
      values: { replicas: 1, image: { tag: 'v1', repository: 'nginx' } },
      schema: null,
      files: [],
    },
    config: { replicas: 2 },
    manifest: '---\n# Source: web/templates/cm.yaml\nkind: ConfigMap\n',
    hooks: [{ name: 'migrate', kind: 'Job', path: 'web/templates/job.yaml', manifest: 'kind: Job', events: ['pre-upgrade'], last_run: { phase: '' }, weight: 5, delete_policies: ['before-hook-creation'] }],
  };
}

test('release JSON has Helm 3 field order, omitempty rules, sorted maps, "" zero times and HTML escaping', () => {
  assert.equal(releaseJson(sample()),
    '{"name":"web","info":{"first_deployed":"2026-11-23T10:00:00.123456789Z","last_deployed":"2026-11-23T11:00:00Z","deleted":"",' +
    '"description":"Upgrade complete","status":"deployed","notes":"a \\u003cb\\u003e \\u0026 c"},' +
    '"chart":{"metadata":{"name":"web","version":"1.0.0","apiVersion":"v2","appVersion":"2.0","annotations":{"a":"2","z":"1"}},' +
    '"lock":null,"templates":[{"name":"templates/cm.yaml","data":"a2luZDogQ29uZmlnTWFwCg=="}],' +
    '"values":{"image":{"repository":"nginx","tag":"v1"},"replicas":1},"schema":null,"files":[]},' +
    '"config":{"replicas":2},"manifest":"---\\n# Source: web/templates/cm.yaml\\nkind: ConfigMap\\n",' +
    '"hooks":[{"name":"migrate","kind":"Job","path":"web/templates/job.yaml","manifest":"kind: Job","events":["pre-upgrade"],' +
    '"last_run":{"started_at":"","completed_at":"","phase":""},"weight":5,"delete_policies":["before-hook-creation"]}],' +
    '"version":2,"namespace":"apps"}');
});

test('encode → decode round trip is lossless', () => {
  const r = sample();
  const back = decodeRelease(encodeRelease(r));
  assert.equal(releaseJson(back), releaseJson(r));
  assert.equal(back.info?.status, 'deployed');
  assert.equal(back.hooks?.[0]?.weight, 5);
});

test('decoding accepts plain JSON, Helm 4 omitted zero times and null times', () => {
  const json = '{"name":"x","info":{"first_deployed":"2026-01-02T03:04:05+01:00","status":"failed","deleted":null},"version":1,"namespace":"n"}';
  const plain = decodeRelease(Buffer.from(json).toString('base64'));
  assert.equal(plain.info?.status, 'failed');
  assert.equal(plain.info?.deleted, undefined);
  assert.equal(plain.info?.last_deployed, undefined);
  assert.equal(formatGoTime(plain.info?.first_deployed ?? assert.fail()), '2026-01-02T03:04:05+01:00');
  const gz = decodeRelease(gzipSync(Buffer.from(json)).toString('base64'));
  assert.equal(releaseJson(gz), releaseJson(plain));
});

test('Go time formatting trims fractional zeros and keeps offsets', () => {
  for (const s of ['2026-11-23T10:00:00Z', '2026-11-23T10:00:00.5Z', '2026-11-23T10:00:00.000000001-07:30', '1999-12-31T23:59:59.12+14:00']) {
    assert.equal(formatGoTime(parseGoTime(s) ?? assert.fail(s)), s);
  }
  assert.equal(parseGoTime('0001-01-01T00:00:00Z'), undefined);
  assert.equal(parseGoTime(''), undefined);
});
