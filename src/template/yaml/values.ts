/**
 * The Go values go-yaml v2 produces when decoding into interface{} (and consumes when encoding):
 * nil, string, bool, int / uint64 ({@link YInt}), float64 (number), []interface{} (array) and
 * map[interface{}]interface{} ({@link YMap}, keyed with Go's equality).
 */

export class YInt {
  readonly v: bigint;
  /** true for uint64 (only produced for values above MaxInt64) */
  readonly unsigned: boolean;
  constructor(v: bigint, unsigned = false) {
    this.v = v;
    this.unsigned = unsigned;
  }
}

export type YV = null | string | boolean | number | YInt | YV[] | YMap;

/** Go `map[interface{}]interface{}`; insertion order is kept (Go's is random). */
export class YMap {
  readonly keys: YV[] = [];
  readonly vals: YV[] = [];
  private readonly index = new Map<string, number>();
  private nanCount = 0;

  private ident(k: YV): string {
    if (k === null) return 'n';
    switch (typeof k) {
      case 'string': return 's' + k;
      case 'boolean': return k ? 'bt' : 'bf';
      case 'number': return Number.isNaN(k) ? `NaN${this.nanCount++}` : 'f' + String(Object.is(k, -0) ? 0 : k);
    }
    if (k instanceof YInt) return (k.unsigned ? 'u' : 'i') + k.v.toString();
    throw new Error('unhashable map key');
  }

  set(k: YV, v: YV): void {
    const id = this.ident(k);
    const i = this.index.get(id);
    if (i !== undefined) {
      this.vals[i] = v;
    } else {
      this.index.set(id, this.keys.length);
      this.keys.push(k);
      this.vals.push(v);
    }
  }

  get size(): number {
    return this.keys.length;
  }
}
