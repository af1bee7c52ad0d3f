import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newFiles } from '../../../src/render/files.ts';
import { mapType, sliceType, valueMethods } from '../../../src/template/value.ts';
import type { GoMap, GoValue } from '../../../src/template/value.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const files = newFiles([
  { name: 'files/a.txt', data: enc('hello\nworld\n') },
  { name: 'files/b.txt', data: enc('bee') },
  { name: 'files/crlf.txt', data: enc('a\r\nb\r\n') },
  { name: 'files/empty.txt', data: enc('') },
  { name: 'config/app.conf', data: enc('x=1\ny=2') },
  { name: 'config/b.txt', data: enc('hello\n') },
  { name: 'config/c.yaml', data: enc('z: 1\n') },
]);

function call(target: GoMap, name: string, ...args: GoValue[]): GoValue {
  const m = valueMethods(target)?.[name];
  assert.ok(m, `method ${name}`);
  return m.fn(args, { templateName: 't', charge: () => {} });
}

test('.Files is an engine.files map of []byte', () => {
  assert.equal(mapType(files), 'engine.files');
  assert.equal(files.size, 7);
  assert.ok(files.get('files/b.txt') instanceof Uint8Array);
});

test('.Files.Get / GetBytes: contents, or empty for a missing file', () => {
  assert.equal(call(files, 'Get', 'files/a.txt'), 'hello\nworld\n');
  assert.equal(call(files, 'Get', 'files/missing.txt'), '');
  assert.deepEqual([...(call(files, 'GetBytes', 'files/b.txt') as Uint8Array)], [98, 101, 101]);
  assert.equal((call(files, 'GetBytes', 'nope') as Uint8Array).length, 0);
});

test('.Files.Lines: split on \\n after dropping one trailing newline; panics on an empty file', () => {
  const lines = call(files, 'Lines', 'files/crlf.txt') as GoValue[];
  assert.deepEqual([...lines], ['a\r', 'b\r']);
  assert.equal(sliceType(lines), '[]string');
  assert.deepEqual([...(call(files, 'Lines', 'files/b.txt') as GoValue[])], ['bee']);
  assert.deepEqual([...(call(files, 'Lines', 'missing') as GoValue[])], []);
  assert.throws(() => call(files, 'Lines', 'files/empty.txt'), { message: 'runtime error: index out of range [-1]' });
});

test('.Files.Glob returns engine.files with the matching files', () => {
  const g = call(files, 'Glob', 'files/*.txt') as GoMap;
  assert.equal(mapType(g), 'engine.files');
  assert.deepEqual([...g.keys()].sort(), ['files/a.txt', 'files/b.txt', 'files/crlf.txt', 'files/empty.txt']);
  assert.equal(call(g, 'Get', 'files/b.txt'), 'bee');
  assert.equal((call(files, 'Glob', 'nothing/*') as GoMap).size, 0);
  // an invalid pattern falls back to "**"
  assert.equal((call(files, 'Glob', '[') as GoMap).size, 7);
});

test('.Files.AsConfig / AsSecrets: YAML of base names (as recorded from helm 3.17.2)', () => {
  const cfg = call(files, 'Glob', 'config/*') as GoMap;
  assert.equal(call(cfg, 'AsConfig'), 'app.conf: |-\n  x=1\n  y=2\nb.txt: |\n  hello\nc.yaml: |\n  z: 1');
  assert.equal(call(cfg, 'AsSecrets'), 'app.conf: eD0xCnk9Mg==\nb.txt: aGVsbG8K\nc.yaml: ejogMQo=');
  assert.equal(call(call(files, 'Glob', 'nothing/*') as GoMap, 'AsConfig'), '{}');
});
