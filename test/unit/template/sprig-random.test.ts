import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomFuncs } from '../../../src/template/funcs/random.ts';
import { testCtx } from './sprig-support.ts';

const ctx = testCtx();
const call = (name: string, ...args: bigint[]): unknown => {
  const fd = randomFuncs[name];
  if (!fd) throw new Error(`no ${name}`);
  return fd.fn(args, ctx);
};

// Character classes of goutils.CryptoRandom* (conformance sprig.rand.001–006 use the same regexes).
const shapes: [string, RegExp][] = [
  ['randAlphaNum', /^[A-Za-z0-9]*$/],
  ['randAlpha', /^[A-Za-z]*$/],
  ['randNumeric', /^[0-9]*$/],
  ['randAscii', /^[\x20-\x7e]*$/],
];

test('random strings: class, length and coverage', () => {
  for (const [name, re] of shapes) {
    const s = call(name, 4000n) as string;
    assert.equal(s.length, 4000, name);
    assert.match(s, re, name);
    // every character of the class shows up in 4000 draws (the class has at most 95 members)
    const distinct = new Set(s).size;
    const expected = { randAlphaNum: 62, randAlpha: 52, randNumeric: 10, randAscii: 95 }[name];
    assert.equal(distinct, expected, name);
  }
});

test('random strings: zero and negative counts give "" (goutils error swallowed)', () => {
  for (const [name] of shapes) {
    assert.equal(call(name, 0n), '');
    assert.equal(call(name, -5n), '');
  }
});

test('random strings: differ between calls (sprig.rand.013)', () => {
  assert.notEqual(call('randAlphaNum', 16n), call('randAlphaNum', 16n));
});

test('random strings: budget is charged; impossible sizes panic like make([]rune, n)', () => {
  const small = testCtx(100);
  const fd = randomFuncs.randAlpha;
  assert.ok(fd);
  assert.throws(() => fd.fn([1000n], small), /budget exhausted/);
  assert.throws(() => fd.fn([2n ** 62n], testCtx()), { message: 'runtime error: makeslice: len out of range' });
});

test('randInt: [min, max) and Go panics', () => {
  const seen = new Set<bigint>();
  for (let i = 0; i < 500; i++) {
    const r = call('randInt', -2n, 3n) as bigint;
    assert.equal(typeof r, 'bigint');
    assert.ok(r >= -2n && r < 3n);
    seen.add(r);
  }
  assert.equal(seen.size, 5);
  // err.argtype.053: rand.Intn(0) panics
  assert.throws(() => call('randInt', 1n, 1n), { message: 'invalid argument to Intn' });
  assert.throws(() => call('randInt', 5n, 1n), { message: 'invalid argument to Intn' });
  // max-min overflows int64 → negative → panic, as in Go
  assert.throws(() => call('randInt', -(2n ** 63n), 2n ** 63n - 1n), { message: 'invalid argument to Intn' });
  const big = call('randInt', 0n, 2n ** 62n) as bigint;
  assert.ok(big >= 0n && big < 2n ** 62n);
});
