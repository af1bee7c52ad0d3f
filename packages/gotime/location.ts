/**
 * Go's *time.Location: zones and transitions (from TZif data, as Go's LoadLocationFromTZData reads
 * them), the POSIX rule for later instants, and the lookups Go's time package makes.
 */
import { tzset, type ZoneAt } from './tzset.ts';

export type { ZoneAt } from './tzset.ts';

export interface Zone {
  readonly name: string;
  readonly offset: number;
  readonly isDST: boolean;
}

export interface Transition {
  /** Unix seconds (-Infinity for Go's `alpha`). */
  readonly when: number;
  readonly index: number;
}

/** How a location answers "which zone is in effect at this instant". */
export interface ZoneSource {
  lookup(sec: number): ZoneAt;
  /** Zones it knows by name (for parsing abbreviations), in Go's order. */
  readonly zones: readonly Zone[];
}

/** A time zone location (Go's time.Location). */
export class Location {
  readonly name: string;
  private readonly source: ZoneSource | undefined;

  /** `source` undefined means UTC (Go's location with no zones). */
  constructor(name: string, source?: ZoneSource) {
    this.name = name;
    this.source = source;
  }

  /** Location.String(). */
  toString(): string {
    return this.name;
  }

  /** Same zone rules under another name (Go copies the Location and renames it for Local). */
  withName(name: string): Location {
    return new Location(name, this.source);
  }

  /** The zone in effect at Unix second `sec`, with the span it is valid for. */
  lookup(sec: number): ZoneAt {
    if (!this.source) return { name: 'UTC', offset: 0, start: -Infinity, end: Infinity, isDST: false };
    return this.source.lookup(sec);
  }

  /** Go's lookupName: the offset of zone abbreviation `name` around `unix`, if the location has it. */
  lookupName(name: string, unix: number): number | undefined {
    const zones = this.source?.zones ?? [];
    for (const z of zones) {
      if (z.name === name && this.lookup(unix - z.offset).name === z.name) return this.lookup(unix - z.offset).offset;
    }
    for (const z of zones) {
      if (z.name === name) return z.offset;
    }
    return undefined;
  }
}

/** Zones and transitions read from TZif data, plus the footer rule (Go's Location internals). */
export class TzData implements ZoneSource {
  readonly zones: readonly Zone[];
  private readonly tx: readonly Transition[];
  private readonly extend: string;

  constructor(zones: readonly Zone[], tx: readonly Transition[], extend: string) {
    this.zones = zones;
    this.tx = tx.length > 0 ? tx : [{ when: -Infinity, index: 0 }];
    this.extend = extend;
  }

  lookup(sec: number): ZoneAt {
    const tx = this.tx;
    const first = tx[0] as Transition;
    if (this.zones.length === 0) return { name: 'UTC', offset: 0, start: -Infinity, end: Infinity, isDST: false };
    if (sec < first.when) {
      const z = this.zones[this.lookupFirstZone()] as Zone;
      return { name: z.name, offset: z.offset, start: -Infinity, end: first.when, isDST: z.isDST };
    }
    let end = Infinity;
    let lo = 0;
    let hi = tx.length;
    while (hi - lo > 1) {
      const m = (lo + hi) >>> 1;
      const lim = (tx[m] as Transition).when;
      if (sec < lim) {
        end = lim;
        hi = m;
      } else {
        lo = m;
      }
    }
    const t = tx[lo] as Transition;
    const z = this.zones[t.index] as Zone;
    if (lo === tx.length - 1 && this.extend !== '') {
      const e = tzset(this.extend, t.when, sec);
      if (e) return e;
    }
    return { name: z.name, offset: z.offset, start: t.when, end, isDST: z.isDST };
  }

  private lookupFirstZone(): number {
    if (!this.tx.some((t) => t.index === 0)) return 0;
    const first = this.tx[0] as Transition;
    if ((this.zones[first.index] as Zone).isDST) {
      for (let zi = first.index - 1; zi >= 0; zi--) {
        if (!(this.zones[zi] as Zone).isDST) return zi;
      }
    }
    const zi = this.zones.findIndex((z) => !z.isDST);
    return zi >= 0 ? zi : 0;
  }
}

/** Go's UTC location. */
export const UTC = new Location('UTC');

const fixedCache = new Map<string, Location>();

/** Go's FixedZone(name, offset). */
export function fixedZone(name: string, offset: number): Location {
  const key = `${name}\u0000${offset}`;
  let loc = fixedCache.get(key);
  if (!loc) {
    loc = new Location(name, new TzData([{ name, offset, isDST: false }], [{ when: -Infinity, index: 0 }], ''));
    if (fixedCache.size < 1000) fixedCache.set(key, loc);
  }
  return loc;
}
