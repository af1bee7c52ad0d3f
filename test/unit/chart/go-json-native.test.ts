/**
 * decodeJsonPrefix takes JSON.parse's result when the whole text is one value: it must equal what the
 * Go-faithful reader returns (Maps in document order, numbers as their literal text), and every input
 * the fast path declines (text after the value, invalid JSON, array-index keys) goes to the reader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JsonNumber } from '@capstan/gojson';
import { decodeJsonPrefix, decodeJsonPrefixReader, type JsonValue } from '../../../src/chart/go-json.ts';
import { defaultCorpusRoot } from '../../support/corpus.ts';

/** a structural dump that keeps Map order and number literals */
function dump(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return { n: v.text };
  if (v instanceof Map) return { m: [...v].map(([k, x]) => [k, dump(x)]) };
  if (Array.isArray(v)) return v.map(dump);
  return v;
}

function outcome(f: () => { value: JsonValue; end: number }): unknown {
  try {
    const r = f();
    return { value: dump(r.value), end: r.end };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function same(text: string, useNumber: boolean): void {
  assert.deepEqual(
    outcome(() => decodeJsonPrefix(text, { useNumber })),
    outcome(() => decodeJsonPrefixReader(text, { useNumber })),
    `${useNumber ? 'UseNumber' : 'float64'}: ${JSON.stringify(text.slice(0, 80))}`,
  );
}

test('native JSON decoding equals the reader on edge cases', () => {
  const texts = [
    '{}', '[]', 'null', 'true', ' 1 ', '-0', '1.0', '1e400', '-1E-7', '0.1e+2', '"\\u00e9\\ud800\\n"', '"\\/"',
    '{"b":1,"a":[1,2,{"c":null}],"b":2}', '{"__proto__":{"x":1},"constructor":2}', '{"1":"x","a":"y"}', '{"01":1,"-1":2}',
    '{"a":1} trailing', '{"a":1}\n\t ', '{"a":1,}', '[1,2', '', '  ', '{"a":"\u0001"}', '{"x":[[[[[]]]]]}', '123abc', '"é"',
  ];
  for (const t of texts) {
    same(t, true);
    same(t, false);
  }
});

test('native JSON decoding equals the reader on generated documents', () => {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const keys = ['a', 'b', 'type', 'properties', 'x y', 'é', '1', '10', 'a1', '$ref', '__proto__'];
  const gen = (depth: number): string => {
    switch (depth > 4 ? rnd(4) : rnd(7)) {
      case 0: return ['0', '-1', '3.25', '1e3', '12345678901234567890', '-0.0'][rnd(6)]!;
      case 1: return JSON.stringify(['', 'x', 'a"b', 'tab\t', '\u2028', '😀'][rnd(6)]);
      case 2: return ['true', 'false', 'null'][rnd(3)]!;
      case 3: return '"s"';
      case 4: case 5: return `{${Array.from({ length: rnd(4) }, () => `${JSON.stringify(keys[rnd(keys.length)])}: ${gen(depth + 1)}`).join(', ')}}`;
      default: return `[${Array.from({ length: rnd(4) }, () => gen(depth + 1)).join(',')}]`;
    }
  };
  for (let i = 0; i < 3000; i++) {
    const t = gen(0);
    same(t, true);
    same(t, false);
  }
});

test('native JSON decoding equals the reader on every values.schema.json of the shared corpus', { skip: !existsSync(defaultCorpusRoot) && 'no ../shared/charts' }, () => {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    if (statSync(p).isDirectory()) return walk(p);
    return n.endsWith('.json') ? [p] : [];
  });
  const files = walk(defaultCorpusRoot);
  assert.ok(files.length > 10);
  for (const f of files) same(readFileSync(f, 'utf8'), true);
});
