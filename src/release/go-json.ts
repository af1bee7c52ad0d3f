/**
 * JSON text the way Go's encoding/json writes it, for release records: map keys sorted, `<`, `>`, `&`,
 * U+2028 and U+2029 escaped, int64 (bigint) written exactly. JavaScript's number formatting equals Go's for
 * float64 (shortest round trip; exponent form below 1e-6 and from 1e21 on).
 * Objects built by the codec keep their insertion order (Go struct field order); plain values maps are sorted.
 */

/** A JSON object whose keys must be written in insertion order (a Go struct). */
export class Ordered {
  readonly entries: [string, unknown][];
  constructor(entries: [string, unknown][]) {
    this.entries = entries;
  }
}

export function goJson(v: unknown): string {
  return escapeHtml(write(v));
}

function escapeHtml(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function write(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${v}`);
      return JSON.stringify(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
  }
  if (v instanceof Ordered) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(',')}}`;
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].map(String).sort(byteOrder);
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(v.get(k))}`).join(',')}}`;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort(byteOrder);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`;
}

/** Go sorts map keys by their UTF-8 bytes. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
