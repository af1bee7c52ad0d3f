/**
 * Secure random numbers without node:crypto (src/template/funcs/secure-random.ts): bytes from /dev/urandom
 * handed out once, uniform integers by rejection, RFC 4122 version 4 UUIDs, and a render that makes a
 * password and a UUID without loading node:crypto.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { secureRandomBytes, secureRandomInt, secureRandomUUID } from '../../../src/template/funcs/secure-random.ts';

test('secure random: fresh bytes on every call, across pool refills', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const b = secureRandomBytes(i % 3 === 0 ? 4096 + i : 16);
    assert.equal(b.length, i % 3 === 0 ? 4096 + i : 16);
    const hex = Buffer.from(b.subarray(0, 16)).toString('hex');
    assert.ok(!seen.has(hex), 'no block is handed out twice');
    seen.add(hex);
  }
});

test('secure random: integers are uniform over [0, max)', () => {
  for (const max of [2, 7, 91, 2 ** 32, 2 ** 40 + 3]) {
    const buckets = new Array<number>(10).fill(0);
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const v = secureRandomInt(max);
      assert.ok(Number.isInteger(v) && v >= 0 && v < max, `${v} in [0, ${max})`);
      buckets[Math.floor((v / max) * 10)]!++;
    }
    if (max >= 10) for (const c of buckets) assert.ok(Math.abs(c - n / 10) < n / 10 * 0.15, `max ${max}: buckets ${buckets.join(',')}`);
  }
  assert.throws(() => secureRandomInt(0), RangeError);
  assert.throws(() => secureRandomInt(2 ** 48 + 1), RangeError);
});

test('secure random: version 4 UUIDs', () => {
  const ids = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const id = secureRandomUUID();
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 1000);
});

test('secure random: randAlphaNum, randBytes and uuidv4 render without loading node:crypto (Linux)', { skip: process.platform !== 'linux' && 'reads /dev/urandom on Linux only' }, () => {
  const script = `
    import { TemplateSet } from ${JSON.stringify(resolve(import.meta.dirname, '../../../src/template/index.ts'))};
    import { sprigFuncs } from ${JSON.stringify(resolve(import.meta.dirname, '../../../src/template/funcs/index.ts'))};
    import { cryptoLoaded } from ${JSON.stringify(resolve(import.meta.dirname, '../../../src/template/funcs/node-builtins.ts'))};
    const t = new TemplateSet(sprigFuncs());
    t.parse('t', '{{ randAlphaNum 24 }} {{ randBytes 8 }} {{ uuidv4 }} {{ sha256sum "x" }}');
    const out = t.execute('t', null);
    process.stdout.write(JSON.stringify({ out, loaded: cryptoLoaded() }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { out, loaded } = JSON.parse(r.stdout) as { out: string; loaded: boolean };
  assert.match(out, /^[A-Za-z0-9]{24} \S+ [0-9a-f-]{36} 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881$/);
  assert.equal(loaded, false);
});
