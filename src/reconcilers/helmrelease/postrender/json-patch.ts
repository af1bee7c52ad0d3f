/**
 * JSON Patch (RFC 6902) on plain objects, as kustomize applies `patches` with a JSON 6902 body: add, remove,
 * replace, move, copy and test, with `-` appending to arrays. Written here rather than taken from a library
 * because it is small, exactly specified, and errors must name the operation of the HelmRelease's patch.
 */
import { jsonEqual } from '../../shared/merge-patch.ts';
import { getAt, parsePointer } from '../json-pointer.ts';

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export class JsonPatchError extends Error {
  readonly code = 'JsonPatchFailed';
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

function parentOf(doc: unknown, tokens: string[], path: string): { parent: Container; key: string } {
  const parent = getAt(doc, tokens.slice(0, -1));
  if (!isContainer(parent)) throw new JsonPatchError(`path "${path}": parent does not exist`);
  return { parent, key: tokens[tokens.length - 1] ?? '' };
}

function index(arr: unknown[], key: string, path: string, forAdd: boolean): number {
  if (forAdd && key === '-') return arr.length;
  const i = Number(key);
  const max = forAdd ? arr.length : arr.length - 1;
  if (!/^(0|[1-9][0-9]*)$/.test(key) || i > max) throw new JsonPatchError(`path "${path}": array index ${key} out of range`);
  return i;
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent.splice(index(parent, key, path, true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) return parent.splice(index(parent, key, path, false), 1)[0];
  if (!(key in parent)) throw new JsonPatchError(`path "${path}": no such member`);
  const old = parent[key];
  delete parent[key];
  return old;
}

function step(doc: unknown, op: JsonPatchOperation): unknown {
  switch (op.op) {
    case 'add': return add(doc, op.path, structuredClone(op.value));
    case 'remove': remove(doc, op.path); return doc;
    case 'replace':
      if (op.path === '') return structuredClone(op.value);
      remove(doc, op.path);
      return add(doc, op.path, structuredClone(op.value));
    case 'move': {
      if (op.from === undefined) throw new JsonPatchError('move: "from" is required');
      const v = remove(doc, op.from);
      return add(doc, op.path, v);
    }
    case 'copy': {
      if (op.from === undefined) throw new JsonPatchError('copy: "from" is required');
      return add(doc, op.path, structuredClone(getAt(doc, parsePointer(op.from))));
    }
    case 'test':
      if (!jsonEqual(getAt(doc, parsePointer(op.path)), op.value)) throw new JsonPatchError(`test failed at "${op.path}"`);
      return doc;
    default:
      throw new JsonPatchError(`unsupported operation "${String((op as { op: unknown }).op)}"`);
  }
}

/** Applies `ops` to a copy of `doc`; throws JsonPatchError naming the failing operation. */
export function applyJsonPatch<T>(doc: T, ops: readonly JsonPatchOperation[]): T {
  let out: unknown = structuredClone(doc);
  ops.forEach((op, i) => {
    try {
      out = step(out, op);
    } catch (e) {
      throw new JsonPatchError(`operation ${i} (${op.op} ${op.path}): ${(e as Error).message}`);
    }
  });
  return out as T;
}
