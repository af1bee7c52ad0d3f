/**
 * Sprig's b64enc/b64dec/b32enc/b32dec: Go's encoding/base64 and encoding/base32 StdEncoding. The
 * decoders return Go's error text *as the result* on bad input ("illegal base64 data at input byte 0").
 */
import { utf8Decode, utf8Encode } from '@capstan/strconv';
import { def, type FuncDef } from '../value.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PAD = 0x3d; // '='
const NL = 0x0a;
const CR = 0x0d;

function decodeMap(alphabet: string): Uint8Array {
  const m = new Uint8Array(256).fill(0xff);
  for (let i = 0; i < alphabet.length; i++) m[alphabet.charCodeAt(i)] = i;
  return m;
}
const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);

class CorruptInputError extends Error {
  constructor(offset: number, kind: string) {
    super(`illegal ${kind} data at input byte ${offset}`);
  }
}

export function base64Encode(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** base64.StdEncoding.DecodeString (non-strict; '\r' and '\n' ignored). Throws CorruptInputError. */
export function base64Decode(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let si = 0;
  const err = (off: number): CorruptInputError => new CorruptInputError(off, 'base64');
  while (si < src.length) {
    // decodeQuantum
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: CorruptInputError | null = null;
    for (let j = 0; j < 4; j++) {
      if (src.length === si) {
        if (j === 0) return Uint8Array.from(out);
        throw err(si - j);
      }
      const inp = src[si]!;
      si++;
      const o = B64_MAP[inp]!;
      if (o !== 0xff) {
        dbuf[j] = o;
        continue;
      }
      if (inp === NL || inp === CR) {
        j--;
        continue;
      }
      if (inp !== PAD) throw err(si - 1);
      if (j === 0 || j === 1) throw err(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === NL || src[si] === CR)) si++;
        if (si === src.length) throw err(src.length);
        if (src[si] !== PAD) throw err(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === NL || src[si] === CR)) si++;
      if (si < src.length) trailing = err(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]!);
    if (trailing) throw trailing;
  }
  return Uint8Array.from(out);
}

export function base32Encode(src: Uint8Array): string {
  let out = '';
  for (let i = 0; i < src.length; i += 5) {
    const chunk = src.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const nchars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) {
      out += k < nchars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
  }
  return out;
}

/** base32.StdEncoding.DecodeString: newlines stripped first, then strict quanta of 8. */
export function base32Decode(input: Uint8Array): Uint8Array {
  const src0 = input.filter((c) => c !== NL && c !== CR);
  const olen = src0.length;
  const out: number[] = [];
  const err = (off: number): CorruptInputError => new CorruptInputError(off, 'base32');
  let src = src0;
  let end = false;
  while (src.length > 0 && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (src.length === 0) throw err(olen - src.length - j);
      const inp = src[0]!;
      src = src.subarray(1);
      if (inp === PAD && j >= 2 && src.length < 8) {
        if (src.length + j < 8 - 1) throw err(olen);
        for (let k = 0; k < 8 - 1 - j; k++) {
          if (src.length > k && src[k] !== PAD) throw err(olen - src.length + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw err(olen - src.length - 1);
        break;
      }
      const o = B32_MAP[inp]!;
      if (o === 0xff) throw err(olen - src.length - 1);
      dbuf[j] = o;
      j++;
    }
    const d = dbuf as [number, number, number, number, number, number, number, number];
    const bytes = [
      ((d[0] << 3) | (d[1] >> 2)) & 0xff,
      ((d[1] << 6) | (d[2] << 1) | (d[3] >> 4)) & 0xff,
      ((d[3] << 4) | (d[4] >> 1)) & 0xff,
      ((d[4] << 7) | (d[5] << 2) | (d[6] >> 3)) & 0xff,
      ((d[6] << 5) | d[7]) & 0xff,
    ];
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    for (let k = 0; k < n; k++) out.push(bytes[k]!);
  }
  return Uint8Array.from(out);
}

function decoding(f: (b: Uint8Array) => Uint8Array): (s: string) => string {
  return (s) => {
    try {
      return utf8Decode(f(utf8Encode(s)));
    } catch (e) {
      if (e instanceof CorruptInputError) return e.message;
      throw e;
    }
  };
}

const b64dec = decoding(base64Decode);
const b32dec = decoding(base32Decode);

export const encodingFuncs: Record<string, FuncDef> = {
  b64enc: def(['string'], 'string', ([s]) => base64Encode(utf8Encode(s as string))),
  b64dec: def(['string'], 'string', ([s]) => b64dec(s as string)),
  b32enc: def(['string'], 'string', ([s]) => base32Encode(utf8Encode(s as string))),
  b32dec: def(['string'], 'string', ([s]) => b32dec(s as string)),
};
