import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { NonStructuralSchemaError, crdFor, structuralSchema, toStructural, type JsonSchema } from '../../../src/api/crd-gen/index.ts';
import { Timeout, allKinds, helmReleaseKind } from '../../../src/api/index.ts';

test('toStructural: drops zod noise and zero defaults, keeps real defaults, enums and required', () => {
  const schema = z.object({
    mode: z.enum(['a', 'b']).default('a'),
    flag: z.boolean().default(false),
    count: z.int().default(0),
    keep: z.int().min(0).default(5),
    name: z.string(),
    labels: z.record(z.string(), z.string()).optional(),
    only: z.literal('X'),
  }).strict();
  assert.deepEqual(structuralSchema(schema, 'spec'), {
    type: 'object',
    properties: {
      mode: { type: 'string', enum: ['a', 'b'], default: 'a' },
      flag: { type: 'boolean' },
      count: { type: 'integer' },
      keep: { type: 'integer', default: 5, minimum: 0 },
      name: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      only: { type: 'string', enum: ['X'] },
    },
    required: ['name', 'only'],
  });
});

test('toStructural: free-form values keep x-kubernetes-preserve-unknown-fields and nothing else', () => {
  const values = z.record(z.string(), z.unknown()).meta({ 'x-kubernetes-preserve-unknown-fields': true }).describe('free');
  assert.deepEqual(structuralSchema(values, 'values'), { description: 'free', type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
});

test('toStructural: integer-or-string becomes x-kubernetes-int-or-string, with its CEL rule', () => {
  const s = structuralSchema(Timeout.describe('timeout'), 'spec.timeout');
  assert.equal(s['description'], 'timeout');
  assert.equal(s['x-kubernetes-int-or-string'], true);
  assert.deepEqual(s['anyOf'], [{ type: 'integer' }, { type: 'string' }]);
  assert.equal(s['type'], undefined);
  assert.match(JSON.stringify(s['x-kubernetes-validations']), /type\(self\) == int/);
});

test('toStructural: unions and untyped nodes are refused with their path', () => {
  assert.throws(() => structuralSchema(z.object({ a: z.union([z.string(), z.boolean()]) }), 'spec'),
    (e: unknown) => e instanceof NonStructuralSchemaError && e.path === 'spec.a' && e.code === 'NonStructuralSchema');
  assert.throws(() => structuralSchema(z.object({ list: z.array(z.unknown()) }), 'spec'),
    (e: unknown) => e instanceof NonStructuralSchemaError && e.path === 'spec.list[*]');
  assert.throws(() => toStructural({ oneOf: [] }, 'x'), /"oneOf" cannot be expressed/);
});

/** Every node of a generated schema obeys the structural rules the API server checks. */
function structuralProblems(node: JsonSchema, path: string): string[] {
  const out: string[] = [];
  const typed = node['type'] !== undefined || node['x-kubernetes-int-or-string'] === true || node['x-kubernetes-preserve-unknown-fields'] === true;
  if (!typed) out.push(`${path}: no type`);
  if (node['additionalProperties'] !== undefined && node['properties'] !== undefined) out.push(`${path}: properties and additionalProperties`);
  if (node['additionalProperties'] === false) out.push(`${path}: additionalProperties false`);
  for (const k of ['oneOf', 'allOf', 'not', 'nullable', '$ref', 'propertyNames', 'const']) if (k in node) out.push(`${path}: ${k}`);
  for (const [k, v] of Object.entries((node['properties'] ?? {}) as Record<string, JsonSchema>)) out.push(...structuralProblems(v, `${path}.${k}`));
  if (node['items']) out.push(...structuralProblems(node['items'] as JsonSchema, `${path}[*]`));
  if (typeof node['additionalProperties'] === 'object') out.push(...structuralProblems(node['additionalProperties'] as JsonSchema, `${path}[*]`));
  return out;
}

for (const def of allKinds) {
  test(`CRD of ${def.kind}: structural, status subresource, names, categories, printer columns`, () => {
    const crd = crdFor(def);
    assert.equal(crd.metadata.name, `${def.plural}.${def.group}`);
    const spec = crd.spec as { names: Record<string, unknown>; scope: string; versions: Record<string, unknown>[] };
    assert.equal(spec.scope, 'Namespaced');
    assert.deepEqual(spec.names['categories'], ['capstan']);
    assert.ok((spec.names['shortNames'] as string[]).length > 0);
    const [version] = spec.versions;
    assert.deepEqual(version?.['subresources'], { status: {} });
    const columns = (version?.['additionalPrinterColumns'] as { name: string }[]).map((c) => c.name);
    for (const name of ['Ready', 'Status', 'Age']) assert.ok(columns.includes(name), `${def.kind} has a ${name} column`);
    const root = (version?.['schema'] as { openAPIV3Schema: JsonSchema }).openAPIV3Schema;
    assert.deepEqual(structuralProblems(root, ''), []);
    assert.deepEqual(root['required'], ['spec']);
  });
}

test('CRD of HelmRelease: hr, columns Ready Status Revision Chart Age, exactly-one chart rule, status conditions keyed by type', () => {
  const crd = crdFor(helmReleaseKind);
  const spec = crd.spec as { names: { shortNames: string[] }; versions: { additionalPrinterColumns: { name: string; priority?: number }[]; schema: { openAPIV3Schema: JsonSchema } }[] };
  assert.deepEqual(spec.names.shortNames, ['hr']);
  const version = spec.versions[0];
  assert.deepEqual(version?.additionalPrinterColumns.filter((c) => !c.priority).map((c) => c.name), ['Ready', 'Status', 'Revision', 'Chart', 'Age']);
  const props = (s: JsonSchema | undefined, ...path: string[]): JsonSchema | undefined =>
    path.reduce<JsonSchema | undefined>((n, p) => (n?.['properties'] as Record<string, JsonSchema> | undefined)?.[p], s);
  const root = version?.schema.openAPIV3Schema;
  assert.match(JSON.stringify(props(root, 'spec', 'chart')?.['x-kubernetes-validations']), /exactly one of spec, git or repository/);
  assert.equal(props(root, 'spec', 'maxHistory')?.['default'], 5);
  assert.equal(props(root, 'spec', 'driftDetection', 'mode')?.['default'], 'enabled');
  assert.equal(props(root, 'status', 'conditions')?.['x-kubernetes-list-type'], 'map');
  assert.deepEqual(props(root, 'spec')?.['required'], ['chart', 'interval']);
});
