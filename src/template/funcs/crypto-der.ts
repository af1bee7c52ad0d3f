/**
 * A small DER (ASN.1) encoder and reader, enough for PKCS#1/PKCS#8/SEC1 keys, DSA key structures and
 * X.509 certificates as Go's encoding/asn1 writes them (minimal lengths, minimal INTEGERs).
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return [0x80 | out.length, ...out];
}

/** A TLV with the given tag byte and contents. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const len = lengthBytes(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export function seq(...parts: Uint8Array[]): Uint8Array {
  return tlv(TAG.SEQUENCE, concat(parts));
}

export function set(...parts: Uint8Array[]): Uint8Array {
  return tlv(TAG.SET, concat(parts));
}

/** Minimal two's-complement INTEGER. */
export function integer(n: bigint): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  for (;;) {
    const b = Number(BigInt.asUintN(8, v));
    bytes.unshift(b);
    v >>= 8n;
    if ((v === 0n && (b & 0x80) === 0) || (v === -1n && (b & 0x80) !== 0)) break;
  }
  return tlv(TAG.INTEGER, Uint8Array.from(bytes));
}

export function boolean(b: boolean): Uint8Array {
  return tlv(TAG.BOOLEAN, Uint8Array.of(b ? 0xff : 0x00));
}

export function nullValue(): Uint8Array {
  return Uint8Array.of(TAG.NULL, 0);
}

export function octetString(b: Uint8Array): Uint8Array {
  return tlv(TAG.OCTET_STRING, b);
}

/** BIT STRING with `unused` trailing bits in the last byte. */
export function bitString(b: Uint8Array, unused = 0): Uint8Array {
  const c = new Uint8Array(b.length + 1);
  c[0] = unused;
  c.set(b, 1);
  return tlv(TAG.BIT_STRING, c);
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((s) => BigInt(s));
  const out: number[] = [];
  const push = (v: bigint): void => {
    const chunk: number[] = [Number(v & 0x7fn)];
    v >>= 7n;
    while (v > 0n) {
      chunk.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...chunk);
  };
  push((arcs[0] as bigint) * 40n + (arcs[1] as bigint));
  for (const a of arcs.slice(2)) push(a);
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** Context-specific tag: constructed [n] EXPLICIT wrapper or primitive [n] IMPLICIT. */
export function contextTag(n: number, content: Uint8Array, constructed: boolean): Uint8Array {
  return tlv((constructed ? 0xa0 : 0x80) | n, content);
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** A string the way Go's asn1 marshals an untagged string: PrintableString if it can, else UTF8String. */
export function goString(s: string): Uint8Array {
  const tag = PRINTABLE.test(s) ? TAG.PRINTABLE_STRING : TAG.UTF8_STRING;
  return tlv(tag, new TextEncoder().encode(s));
}

/** Go's asn1 time: UTCTime for years 1950..2049, else GeneralizedTime (seconds precision, `Z`). */
export function goTime(unixSec: number): Uint8Array {
  const d = new Date(unixSec * 1000);
  const y = d.getUTCFullYear();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const rest = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, new TextEncoder().encode(p2(y % 100) + rest));
  return tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(String(y).padStart(4, '0') + rest));
}

/** A parsed TLV. `full` is the whole encoding, `content` the value bytes. */
export interface Node {
  tag: number;
  full: Uint8Array;
  content: Uint8Array;
}

/** Thrown on malformed DER. */
export class DerError extends Error {}

/** Reads one TLV at `off`; returns it and the offset after it. */
export function readNode(buf: Uint8Array, off = 0): [Node, number] {
  if (off + 2 > buf.length) throw new DerError('asn1: syntax error: data truncated');
  const tag = buf[off] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('asn1: syntax error: high tags not supported');
  let len = buf[off + 1] as number;
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('asn1: syntax error: bad length');
    len = 0;
    for (let i = 0; i < n; i++) {
      if (p >= buf.length) throw new DerError('asn1: syntax error: data truncated');
      len = len * 256 + (buf[p++] as number);
    }
  }
  if (p + len > buf.length) throw new DerError('asn1: syntax error: data truncated');
  return [{ tag, full: buf.subarray(off, p + len), content: buf.subarray(p, p + len) }, p + len];
}

/** The children of a constructed node. */
export function children(n: Node): Node[] {
  const out: Node[] = [];
  let off = 0;
  while (off < n.content.length) {
    const [c, next] = readNode(n.content, off);
    out.push(c);
    off = next;
  }
  return out;
}

/** Reads a DER buffer that must hold exactly one TLV. */
export function parseDer(buf: Uint8Array): Node {
  const [n, end] = readNode(buf, 0);
  if (end !== buf.length) throw new DerError('asn1: syntax error: trailing data');
  return n;
}

export function toBigInt(n: Node): bigint {
  if (n.tag !== TAG.INTEGER) throw new DerError('asn1: structure error: tags don\'t match');
  let v = 0n;
  for (const b of n.content) v = (v << 8n) | BigInt(b);
  if (n.content.length > 0 && ((n.content[0] as number) & 0x80)) v -= 1n << BigInt(8 * n.content.length);
  return v;
}

export function oidString(n: Node): string {
  const c = n.content;
  const arcs: bigint[] = [];
  let v = 0n;
  for (const b of c) {
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
    }
  }
  const first = arcs.shift() ?? 0n;
  const a0 = first < 80n ? first / 40n : 2n;
  return [a0, first - a0 * 40n, ...arcs].join('.');
}
