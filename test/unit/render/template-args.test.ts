import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplateArgs, readCsvLine, ArgsError } from '../../../src/render/template-args.ts';

test('helm template args: positionals, short and long flags, repeated flags', () => {
  const a = parseTemplateArgs([
    'rel', 'conf', '-n', 'ns', '--kube-version', '1.31.0', '-f', 'values.yaml',
    '--set', 'a=1,b=2', '--set', 'c=3', '--set-string=d=4', '--api-versions', 'a/v1,b/v2', '-a', 'c/v3',
    '--show-only', 'templates/x.yaml', '-stemplates/y.yaml', '--include-crds', '--is-upgrade=true', '--skip-tests=false',
  ]);
  assert.equal(a.releaseName, 'rel');
  assert.equal(a.chart, 'conf');
  assert.equal(a.namespace, 'ns');
  assert.equal(a.kubeVersion, '1.31.0');
  assert.deepEqual(a.valueFiles, ['values.yaml']);
  assert.deepEqual(a.set, ['a=1,b=2', 'c=3']);
  assert.deepEqual(a.setString, ['d=4']);
  assert.deepEqual(a.apiVersions, ['a/v1', 'b/v2', 'c/v3']);
  assert.deepEqual(a.showOnly, ['templates/x.yaml', 'templates/y.yaml']);
  assert.equal(a.includeCrds, true);
  assert.equal(a.isUpgrade, true);
  assert.equal(a.skipTests, false);
  assert.equal(a.noHooks, false);
});

test('helm template args: one positional means release "release-name"; errors', () => {
  const a = parseTemplateArgs(['./chart']);
  assert.equal(a.releaseName, 'release-name');
  assert.equal(a.chart, './chart');
  assert.throws(() => parseTemplateArgs(['rel', 'c', '--bogus']), (e: unknown) => e instanceof ArgsError && e.message === 'unknown flag: --bogus');
  assert.throws(() => parseTemplateArgs(['rel', 'c', '--set']), { message: 'flag needs an argument: --set' });
  assert.throws(() => parseTemplateArgs([]), { message: '"helm template" requires at least 1 argument' });
  assert.throws(() => parseTemplateArgs(['r', 'c', '--api-versions', '"a/v1']), {
    message: 'invalid argument "\\"a/v1" for "-a, --api-versions" flag: parse error on line 1, column 6: extraneous or missing " in quoted-field',
  });
  assert.throws(() => parseTemplateArgs(['r', 'c', '--include-crds=maybe']), {
    message: 'invalid argument "maybe" for "--include-crds" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
  });
});

test('StringSlice values are read as one CSV line', () => {
  assert.deepEqual(readCsvLine('a,b'), ['a', 'b']);
  assert.deepEqual(readCsvLine('"a,b",c'), ['a,b', 'c']);
  assert.deepEqual(readCsvLine('a,'), ['a', '']);
  assert.deepEqual(readCsvLine(''), []);
});
