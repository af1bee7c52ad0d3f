import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as C from '../../../src/chart/index.ts';
import { marshal as goJsonMarshal } from '@capstan/gojson';
import { goTypes, readExpect, sourcesFromArgs } from './helpers.ts';

interface SetCase {
  args: string[];
  json?: string;
  types?: string;
  error?: string;
}

// Expectations recorded from `helm template` (v3.17.2) with a chart dumping toJson/typeOf of .Values.
const cases = readExpect<SetCase[]>('strvals.json');

for (const c of cases) {
  test(`helm flags ${JSON.stringify(c.args)}`, () => {
    let vals: C.Values;
    try {
      vals = C.mergeValueSources(sourcesFromArgs(c.args, '/'));
    } catch (e) {
      assert.equal((e as Error).message, c.error);
      return;
    }
    assert.equal(c.error, undefined, `expected error ${c.error}`);
    assert.equal(goJsonMarshal(vals), c.json);
    assert.equal(goTypes(vals), c.types);
  });
}

test('typedVal follows strvals typing', () => {
  assert.equal(C.typedVal('123', false), 123n);
  assert.equal(C.typedVal('-7', false), -7n);
  assert.equal(C.typedVal('0', false), 0n);
  assert.equal(C.typedVal('010', false), '010');
  assert.equal(C.typedVal('1.5', false), '1.5');
  assert.equal(C.typedVal('TrUe', false), true);
  assert.equal(C.typedVal('NULL', false), null);
  assert.equal(C.typedVal('yes', false), 'yes');
  assert.equal(C.typedVal('9223372036854775808', false), '9223372036854775808');
  assert.equal(C.typedVal('123', true), '123');
});

test('parseInto merges into an existing map and pads lists with null', () => {
  const dest = C.fromPlain({ a: { keep: 1 }, l: ['x'] }) as C.Values;
  C.parseInto('a.b=2,l[2]=z', dest);
  assert.deepEqual(C.toPlain(dest), { a: { keep: 1, b: 2n }, l: ['x', null, 'z'] });
});

test('--set-file reads through the injected reader', () => {
  const vals = C.mergeValueSources(
    { fileValues: ['cfg=/etc/x.conf', 'list={/a,/b}'] },
    { readFile: (p) => `content of ${p}` },
  );
  assert.deepEqual(C.toPlain(vals), { cfg: 'content of /etc/x.conf', list: ['content of /a', 'content of /b'] });
  assert.throws(
    () => C.mergeValueSources({ fileValues: ['a=/missing'] }, { readFile: () => { throw new Error('open /missing: no such file or directory'); } }),
    { message: 'failed parsing --set-file data: open /missing: no such file or directory' },
  );
});

test('--set-literal keeps everything after = verbatim', () => {
  assert.deepEqual(C.toPlain(C.parseLiteral('a.b=x,y={1}\\n')), { a: { b: 'x,y={1}\\n' } });
});

test('-f files merge maps recursively and replace lists', () => {
  const vals = C.mergeValueSources({
    valueFiles: [
      { name: 'a.yaml', text: 'a:\n  b: 1\n  l: [1, 2]\nc: 1\n' },
      { name: 'b.yaml', text: 'a:\n  d: 2\n  l: [3]\nc: {x: 1}\n' },
    ],
  });
  assert.deepEqual(C.toPlain(vals), { a: { b: 1, l: [3], d: 2 }, c: { x: 1 } });
  assert.throws(() => C.mergeValueSources({ valueFiles: [{ name: 'bad.yaml', text: '- 1\n' }] }), {
    message:
      'failed to parse bad.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
  });
});
