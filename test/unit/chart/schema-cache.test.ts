/**
 * Values schemas through the compile cache: the same schema text validates different values with
 * the same results as a fresh compile, and decode/compile errors are reported every time.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { clearSchemaCache, compileSchemaCached } from '../../../src/chart/schema-cache.ts';
import { validateAgainstSingleSchema } from '../../../src/chart/values-schema.ts';

const SCHEMA = JSON.stringify({
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z]+$' }, replicas: { type: 'integer', minimum: 1 } },
});

test('schema cache: one compile serves every validation of the same text', () => {
  clearSchemaCache();
  const a = compileSchemaCached(SCHEMA);
  const b = compileSchemaCached(SCHEMA);
  assert.ok('schema' in a && 'schema' in b);
  assert.equal(a.schema, b.schema);
  const ok = new Map<string, null | string | number>([['name', 'web'], ['replicas', 2]]);
  const bad = new Map<string, null | string | number>([['name', 'Web'], ['replicas', 0]]);
  for (let i = 0; i < 2; i++) {
    assert.equal(validateAgainstSingleSchema(ok, SCHEMA), null);
    assert.equal(
      validateAgainstSingleSchema(bad, SCHEMA),
      '- name: Does not match pattern \'^[a-z]+$\'\n- replicas: Must be greater than or equal to 1\n',
    );
    assert.equal(validateAgainstSingleSchema(new Map(), SCHEMA), '- (root): name is required\n');
  }
  // the bytes form decodes to the same text and shares the entry
  assert.equal(validateAgainstSingleSchema(ok, new TextEncoder().encode(SCHEMA)), null);
});

test('schema cache: decode and compile errors are not cached', () => {
  clearSchemaCache();
  const decode = compileSchemaCached('{"type": ');
  assert.ok('phase' in decode && decode.phase === 'decode');
  const compile = compileSchemaCached('{"type": 5}');
  assert.ok('phase' in compile && compile.phase === 'compile');
  for (let i = 0; i < 2; i++) {
    assert.equal(validateAgainstSingleSchema(new Map(), '{"type": '), validateAgainstSingleSchema(new Map(), '{"type": '));
    const msg = validateAgainstSingleSchema(new Map(), '{"type": 5}');
    assert.ok(msg !== null && msg.length > 0);
  }
});
