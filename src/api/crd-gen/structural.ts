/**
 * Turns the JSON Schema zod writes (`z.toJSONSchema`, OpenAPI 3.0 target, input side) into a Kubernetes
 * structural schema (apiextensions.k8s.io/v1 rules):
 * - every node has a `type`, except `x-kubernetes-int-or-string` and `x-kubernetes-preserve-unknown-fields` ones;
 * - no `additionalProperties: false`, `propertyNames`, `$schema`, or zod's ±2^53 integer bounds;
 * - an integer-or-string union becomes `x-kubernetes-int-or-string: true` (other unions are refused: a
 *   structural schema cannot express them, so the zod schemas must not use them);
 * - defaults equal to the JSON zero value (false, 0, "", {}, []) are dropped, as Go's omitempty would: parsing
 *   still fills them in, and the stored object is not cluttered;
 * - keys in a fixed order, so the generated files are stable and readable.
 * Throws NonStructuralSchemaError naming the field path when a node cannot be made structural.
 */

export type JsonSchema = { [key: string]: unknown };

export class NonStructuralSchemaError extends Error {
  readonly code = 'NonStructuralSchema';
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path || '<root>'}: ${problem}`);
    this.name = 'NonStructuralSchemaError';
    this.path = path;
  }
}

const dropped = new Set(['$schema', '$id', 'id', 'title', 'propertyNames', 'examples']);
const refused = ['oneOf', 'allOf', 'not', 'nullable', '$ref', '$defs', 'definitions', 'if', 'then', 'else'];
const keyOrder = [
  'description', 'type', 'format', 'enum', 'default', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'properties', 'additionalProperties', 'items',
  'required', 'anyOf',
];

export function toStructural(node: JsonSchema, path = ''): JsonSchema {
  for (const k of refused) if (k in node) throw new NonStructuralSchemaError(path, `"${k}" cannot be expressed in a structural schema`);
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if (dropped.has(k)) continue;
    if (k === 'const') out['enum'] = [v];
    else if (k === 'default' && isZero(v)) continue;
    else if ((k === 'minimum' || k === 'maximum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
    else if (k === 'additionalProperties') {
      if (typeof v === 'object' && v !== null && Object.keys(v).length > 0) out[k] = toStructural(v as JsonSchema, `${path}[*]`);
    } else if (k === 'properties') out[k] = mapValues(v as Record<string, JsonSchema>, (s, name) => toStructural(s, join(path, name)));
    else if (k === 'items') out[k] = toStructural(v as JsonSchema, `${path}[*]`);
    else if (k === 'anyOf') {
      const { description, ...rest } = intOrString(v as JsonSchema[], path);
      Object.assign(out, rest);
      if (description !== undefined && node['description'] === undefined) out['description'] = description;
    }
    else out[k] = v;
  }
  if (out['type'] === undefined && out['x-kubernetes-int-or-string'] !== true && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    throw new NonStructuralSchemaError(path, 'has no type (use a typed schema, or x-kubernetes-preserve-unknown-fields)');
  }
  return ordered(out);
}

/** `anyOf: [integer, string]` → int-or-string (a branch's description is kept; its bounds and pattern are not). */
function intOrString(branches: JsonSchema[], path: string): JsonSchema {
  const types = branches.map((b) => b['type']).sort();
  if (types.length !== 2 || types[0] !== 'integer' || types[1] !== 'string') {
    throw new NonStructuralSchemaError(path, `union of ${JSON.stringify(types)} cannot be expressed in a structural schema (only integer or string)`);
  }
  const description = branches.map((b) => b['description']).find((d) => typeof d === 'string');
  return {
    ...(description === undefined ? {} : { description }),
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  };
}

function isZero(v: unknown): boolean {
  if (v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T, k: string) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));
}

function ordered(o: JsonSchema): JsonSchema {
  const rank = (k: string): number => {
    const i = keyOrder.indexOf(k);
    return i >= 0 ? i : keyOrder.length + (k.startsWith('x-kubernetes-') ? 1 : 0);
  };
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}
