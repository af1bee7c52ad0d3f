/** Reads TZif zoneinfo data the way Go's time.LoadLocationFromTZData does. */
import { Location, TzData, type Transition, type Zone } from './location.ts';

/** Go's errBadData text. */
export const ERR_BAD_DATA = 'malformed time zone information';

class Reader {
  private pos = 0;
  error = false;
  private readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    this.data = data;
  }
  read(n: number): Uint8Array {
    if (this.data.length - this.pos < n) {
      this.pos = this.data.length;
      this.error = true;
      return new Uint8Array(0);
    }
    const p = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return p;
  }
  big4(): number | undefined {
    const p = this.read(4);
    if (p.length < 4) return undefined;
    return (((p[0] as number) << 24) | ((p[1] as number) << 16) | ((p[2] as number) << 8) | (p[3] as number)) >>> 0;
  }
  rest(): Uint8Array {
    const r = this.data.subarray(this.pos);
    this.pos = this.data.length;
    return r;
  }
}

function cString(b: Uint8Array): string {
  const i = b.indexOf(0);
  return new TextDecoder('latin1').decode(i >= 0 ? b.subarray(0, i) : b);
}

/** Parses TZif data into a Location named `name`; throws Error(ERR_BAD_DATA) on malformed data. */
export function locationFromTZData(name: string, data: Uint8Array): Location {
  const bad = (): Error => new Error(ERR_BAD_DATA);
  const d = new Reader(data);
  if (cString(d.read(4)) !== 'TZif') throw bad();
  const p = d.read(16);
  if (p.length !== 16) throw bad();
  let version: number;
  switch (p[0]) {
    case 0: version = 1; break;
    case 0x32: version = 2; break;
    case 0x33: version = 3; break;
    default: throw bad();
  }
  const readCounts = (): number[] => {
    const n: number[] = [];
    for (let i = 0; i < 6; i++) {
      const v = d.big4();
      if (v === undefined) throw bad();
      n.push(v);
    }
    return n;
  };
  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  let n = readCounts();
  let is64 = false;
  if (version > 1) {
    const [utcLocal, stdWall, leap, time, zone, char] = n as [number, number, number, number, number, number];
    d.read(time * 4 + time + zone * 6 + char + leap * 8 + stdWall + utcLocal + 4 + 16);
    is64 = true;
    n = readCounts();
  }
  const [, , nLeap, nTime, nZone, nChar] = n as [number, number, number, number, number, number];
  const size = is64 ? 8 : 4;
  const txtimes = d.read(nTime * size);
  const txzones = d.read(nTime);
  const zonedata = d.read(nZone * 6);
  const abbrev = d.read(nChar);
  d.read(nLeap * (size + 4));
  d.read(n[1] as number);
  d.read(n[0] as number);
  if (d.error) throw bad();
  let extend = '';
  const rest = d.rest();
  if (rest.length > 2 && rest[0] === 0x0a && rest[rest.length - 1] === 0x0a) {
    extend = new TextDecoder('latin1').decode(rest.subarray(1, rest.length - 1));
  }
  if (nZone === 0) throw bad();
  const zv = new DataView(zonedata.buffer, zonedata.byteOffset, zonedata.byteLength);
  const zones: Zone[] = [];
  for (let i = 0; i < nZone; i++) {
    const offset = zv.getInt32(i * 6);
    const isDST = zv.getUint8(i * 6 + 4) !== 0;
    const ai = zv.getUint8(i * 6 + 5);
    if (ai >= abbrev.length) throw bad();
    zones.push({ name: cString(abbrev.subarray(ai)), offset, isDST });
  }
  const tv = new DataView(txtimes.buffer, txtimes.byteOffset, txtimes.byteLength);
  const tx: Transition[] = [];
  for (let i = 0; i < nTime; i++) {
    const when = is64 ? Number(tv.getBigInt64(i * 8)) : tv.getInt32(i * 4);
    const index = txzones[i] as number;
    if (index >= zones.length) throw bad();
    tx.push({ when, index });
  }
  return new Location(name, new TzData(zones, tx, extend));
}
