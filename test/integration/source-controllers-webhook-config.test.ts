/**
 * The operator's webhook receivers configuration: `receivers.yaml` read from a Secret on the real control plane
 * (and re-read when it changes), or from a file; bad configurations are refused naming the field and never
 * quoting a token.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeClient } from '../../src/kube/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { ReceiversConfig, ReceiversConfigError, parseReceivers } from '../../src/reconcilers/source/index.ts';
import { eventually, testCluster, testNamespace } from '../support/cluster.ts';

const log = createRootLogger({ level: 'silent' });
const TOKEN = 'a-token-of-at-least-16-bytes';
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'capstan-receivers-'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('parseReceivers reads a list or {receivers}, and refuses bad entries without quoting tokens', () => {
  const one = { name: 'gh', namespace: 'capstan-system', type: 'github', token: TOKEN };
  assert.deepEqual(parseReceivers(JSON.stringify([one])), [one]);
  assert.deepEqual(parseReceivers(`receivers:\n  - {name: gl, namespace: ns, type: gitlab, token: ${TOKEN}, namespaces: [apps]}\n`),
    [{ name: 'gl', namespace: 'ns', type: 'gitlab', token: TOKEN, namespaces: ['apps'] }]);
  assert.throws(() => parseReceivers(JSON.stringify([{ ...one, type: 'bitbucket' }])), (e: unknown) =>
    e instanceof ReceiversConfigError && /\[0\]\.type/.test(e.message) && !e.message.includes(TOKEN));
  assert.throws(() => parseReceivers(JSON.stringify([{ ...one, token: 'short-secret' }])), (e: unknown) =>
    e instanceof ReceiversConfigError && /\[0\]\.token: must be a string of at least 16/.test(e.message) && !e.message.includes('short-secret'));
  assert.throws(() => parseReceivers('receivers: [\n'), /not YAML/);
});

test('ReceiversConfig reads a Secret, follows its changes, and a file', async () => {
  const { kc } = await testCluster();
  const kube = new KubeClient(kc);
  const ns = await testNamespace('receivers');
  const put = async (text: string): Promise<void> => {
    await kube.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hooks', namespace: ns }, stringData: { 'receivers.yaml': text } });
  };
  await put(`- {name: a, namespace: ${ns}, type: generic-hmac, token: ${TOKEN}}\n`);
  const cfg = new ReceiversConfig({ source: { secret: `${ns}/hooks` }, kube, log, refreshMs: 200 });
  await cfg.start();
  try {
    assert.deepEqual(cfg.receivers.map((r) => r.name), ['a']);
    await put(`- {name: b, namespace: ${ns}, type: github, token: ${TOKEN}}\n`);
    await eventually('the changed Secret to be read', 10_000, async () => (cfg.receivers[0]?.name === 'b' ? true : undefined));
    await put('not: [valid\n');
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(cfg.receivers[0]?.name, 'b', 'a bad change keeps the last good receivers');
  } finally {
    cfg.stop();
  }
  await assert.rejects(new ReceiversConfig({ source: { secret: `${ns}/absent` }, kube, log }).start(), /has no key receivers\.yaml/);

  const file = join(dir, 'receivers.yaml');
  writeFileSync(file, `receivers:\n  - {name: f, namespace: x, type: gitlab, token: ${TOKEN}}\n`);
  const fromFile = new ReceiversConfig({ source: { file }, kube, log });
  await fromFile.start();
  fromFile.stop();
  assert.equal(fromFile.receivers[0]?.type, 'gitlab');
});
