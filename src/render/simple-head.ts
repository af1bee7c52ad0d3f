/**
 * releaseutil.SimpleHead: the `apiVersion`, `kind`, `metadata.name` and `metadata.annotations` of a
 * manifest, decoded as sigs.k8s.io/yaml decodes into that struct: YAML scalars bound for string
 * fields become strings, keys match case-insensitively, and type mismatches fail with
 * encoding/json's message.
 */
import { formatFloat } from '../template/fmt/ftoa.ts';
import { GoNumber } from '../template/value.ts';
import { goCompare } from './go-strings.ts';

export interface SimpleHead {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations: Map<string, string> | null } | null;
}

/** A YAML document as converted to JSON-able data (maps with string keys). */
export type JsonLike = unknown;

const METADATA_TYPE =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

export class HeadDecodeError extends Error {}

function jsonKind(v: JsonLike): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof GoNumber) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** strconv.FormatFloat(f, 'g', -1, 32) */
function formatFloat32(f: number): string {
  return formatFloat(f, 'g', -1, 32);
}

/** sigs.k8s.io/yaml's coercion of a scalar bound for a string field. */
function coerceString(v: JsonLike): JsonLike {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof GoNumber) return typeof v.value === 'bigint' ? v.value.toString() : formatFloat32(v.value);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : formatFloat32(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/** Object entries in the order encoding/json sees them (sigs.k8s.io/yaml marshals maps sorted by key). */
function entries(v: JsonLike): [string, JsonLike][] {
  const list = v instanceof Map ? [...(v as Map<string, JsonLike>).entries()] : Object.entries(v as Record<string, JsonLike>);
  return list.sort(([a], [b]) => goCompare(a, b));
}

function isObject(v: JsonLike): boolean {
  return jsonKind(v) === 'object';
}

function decodeString(v: JsonLike, field: string): string | undefined {
  const c = coerceString(v);
  if (c === null || c === undefined) return undefined;
  if (typeof c !== 'string') {
    throw new HeadDecodeError(`json: cannot unmarshal ${jsonKind(c)} into Go struct field ${field} of type string`);
  }
  return c;
}

/**
 * Decodes a document (already converted from YAML) into a SimpleHead; throws HeadDecodeError with
 * the `json: cannot unmarshal …` text on a type mismatch.
 */
export function decodeSimpleHead(doc: JsonLike): SimpleHead {
  const head: SimpleHead = { apiVersion: '', kind: '', metadata: null };
  if (doc === null || doc === undefined) return head;
  if (!isObject(doc)) {
    throw new HeadDecodeError(`json: cannot unmarshal ${jsonKind(doc)} into Go value of type releaseutil.SimpleHead`);
  }
  for (const [key, value] of entries(doc)) {
    switch (key.toLowerCase()) {
      case 'apiversion': {
        const s = decodeString(value, 'SimpleHead.apiVersion');
        if (s !== undefined) head.apiVersion = s;
        break;
      }
      case 'kind': {
        const s = decodeString(value, 'SimpleHead.kind');
        if (s !== undefined) head.kind = s;
        break;
      }
      case 'metadata': {
        if (value === null || value === undefined) {
          head.metadata = null;
          break;
        }
        if (!isObject(value)) {
          throw new HeadDecodeError(
            `json: cannot unmarshal ${jsonKind(value)} into Go struct field SimpleHead.metadata of type ${METADATA_TYPE}`,
          );
        }
        const meta = head.metadata ?? { name: '', annotations: null };
        head.metadata = meta;
        for (const [mk, mv] of entries(value)) {
          switch (mk.toLowerCase()) {
            case 'name': {
              const s = decodeString(mv, '.metadata.name');
              if (s !== undefined) meta.name = s;
              break;
            }
            case 'annotations': {
              if (mv === null || mv === undefined) {
                meta.annotations = null;
                break;
              }
              if (!isObject(mv)) {
                throw new HeadDecodeError(
                  `json: cannot unmarshal ${jsonKind(mv)} into Go struct field .metadata.annotations of type map[string]string`,
                );
              }
              const ann = meta.annotations ?? new Map<string, string>();
              meta.annotations = ann;
              for (const [ak, av] of entries(mv)) {
                const s = decodeString(av, '.metadata.annotations');
                ann.set(ak, s ?? '');
              }
              break;
            }
          }
        }
        break;
      }
    }
  }
  return head;
}
