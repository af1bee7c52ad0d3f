import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupExecError, cleanupParseError, sortTemplates, warnWrap } from '../../../src/render/render-errors.ts';

test('cleanupParseError keeps the location and the last part of the message', () => {
  assert.equal(
    cleanupParseError('conf/templates/_vec.tpl', 'template: conf/templates/_vec.tpl:1: function "foo" not defined'),
    'parse error at (conf/templates/_vec.tpl:1): function "foo" not defined',
  );
  assert.equal(
    cleanupParseError('conf/templates/a.yaml', 'template: conf/templates/a.yaml:3: unexpected "}" in operand'),
    'parse error at (conf/templates/a.yaml:3): unexpected "}" in operand',
  );
  assert.equal(cleanupParseError('x', 'boom'), 'parse error in (x): boom');
});

test('cleanupExecError extracts required/fail messages, leaves other errors alone', () => {
  const inner = `template: conf/templates/out.yaml:6:10: executing "conf/templates/out.yaml" at <include "vec" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing "vec" at <required "msg" .Values.x>: error calling required: ${warnWrap('msg')}`;
  assert.equal(cleanupExecError('conf/templates/out.yaml', inner), 'execution error at (conf/templates/out.yaml:6:10): msg');
  assert.equal(
    cleanupExecError('f', `template: f:1:2: executing "f" at <fail "">: error calling fail: ${warnWrap('')}`),
    'execution error at (f:1:2): ',
  );
  const plain = 'template: f:1:2: executing "f" at <1>: expected string; found 1';
  assert.equal(cleanupExecError('f', plain), plain);
  assert.equal(cleanupExecError('f', 'oops'), 'execution error in (f): oops');
});

test('templates are parsed deepest first, then in reverse byte order', () => {
  assert.deepEqual(
    sortTemplates(['conf/templates/a.yaml', 'conf/charts/sub/templates/x.yaml', 'conf/templates/b.yaml', 'conf/templates/sub/c.yaml', 'conf/templates/B.yaml']),
    ['conf/charts/sub/templates/x.yaml', 'conf/templates/sub/c.yaml', 'conf/templates/b.yaml', 'conf/templates/a.yaml', 'conf/templates/B.yaml'],
  );
});
