/** Go's encoding/pem Encode and Decode (headers ignored on encode; Decode as lenient as Go's). */
import { base64Decode } from './encoding.ts';

export interface PemBlock {
  type: string;
  bytes: Uint8Array;
}

/** pem.EncodeToMemory for a block without headers: 64-column base64 lines. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`;
}

const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
};

/** getLine: the line without its end-of-line (and trailing spaces/tabs), and the rest. */
function getLine(data: string): [string, string] {
  let i = data.indexOf('\n');
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] === '\r') i--;
  }
  return [data.slice(0, i).replace(/[ \t]+$/, ''), data.slice(j)];
}

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const EOL = '-----';

/** pem.Decode: the first PEM block in `text` (UTF-8 bytes of it), or undefined. */
export function pemDecode(text: string): PemBlock | undefined {
  let rest = latin1(new TextEncoder().encode(text));
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) {
      rest = rest.slice(PEM_START.length - 1);
    } else {
      const i = rest.indexOf(PEM_START);
      if (i < 0) return undefined;
      rest = rest.slice(i + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(EOL)) continue;
    typeLine = typeLine.slice(0, typeLine.length - EOL.length);
    let headers = 0;
    for (;;) {
      if (rest.length === 0) return undefined;
      const [line, next] = getLine(rest);
      if (!line.includes(':')) break;
      headers++;
      rest = next;
    }
    let endIndex: number;
    let endTrailerIndex: number;
    if (headers === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLen = typeLine.length + EOL.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLen);
    endTrailer = endTrailer.slice(0, endTrailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(EOL)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const b64 = rest.slice(0, endIndex).replace(/[ \t]/g, '');
    let bytes: Uint8Array;
    try {
      bytes = base64Decode(Uint8Array.from(b64, (c) => c.charCodeAt(0)));
    } catch {
      continue;
    }
    const type = new TextDecoder().decode(Uint8Array.from(typeLine, (c) => c.charCodeAt(0)));
    return { type, bytes };
  }
}
