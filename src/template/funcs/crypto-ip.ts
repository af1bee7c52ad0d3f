/** Go's net.ParseIP (via net/netip, Go 1.23): strict IPv4 (no leading zeros) and IPv6 without zone. */

function parseIPv4Fields(s: string, out: Uint8Array, at: number): boolean {
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c >= '0' && c <= '9') {
      if (digLen === 1 && val === 0) return false;
      val = val * 10 + (c.charCodeAt(0) - 48);
      digLen++;
      if (val > 255) return false;
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return false;
      if (pos === 3) return false;
      out[at + pos++] = val;
      val = 0;
      digLen = 0;
    } else {
      return false;
    }
  }
  if (pos < 3) return false;
  out[at + 3] = val;
  return true;
}

function parseIPv6(s: string): Uint8Array | undefined {
  if (s.includes('%')) return undefined; // ParseIP rejects zones
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const d = parseInt(s[off] as string, 16);
      if (Number.isNaN(d) || !/[0-9a-fA-F]/.test(s[off] as string)) break;
      acc = acc * 16 + d;
      if (off > 3 || acc > 0xffff) return undefined;
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      if (!parseIPv4Fields(s, ip, i)) return undefined;
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] as number;
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** net.ParseIP(s).To4() when it is an IPv4 (or v4-mapped) address, else the 16-byte form; undefined if invalid. */
export function parseIPForSAN(s: string): Uint8Array | undefined {
  let ip16: Uint8Array | undefined;
  for (const c of s) {
    if (c === '.') {
      const v4 = new Uint8Array(4);
      return parseIPv4Fields(s, v4, 0) ? v4 : undefined;
    }
    if (c === ':') {
      ip16 = parseIPv6(s);
      break;
    }
    if (c === '%') return undefined;
  }
  if (!ip16) return undefined;
  const mapped = ip16.subarray(0, 10).every((b) => b === 0) && ip16[10] === 0xff && ip16[11] === 0xff;
  return mapped ? ip16.slice(12) : ip16;
}
