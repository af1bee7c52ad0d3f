/**
 * A second Go-typed handle on the same map. Go converts between `map[string]interface{}` and
 * `chartutil.Values` freely while sharing the map; our maps carry their Go type, so a view lets
 * the same data appear as `chartutil.Values` to a subchart and as `map[string]interface {}` to its
 * parent, with writes through either visible in both.
 */
import { withMapType } from '../template/value.ts';
import type { GoMap, GoValue } from '../template/value.ts';

class MapView extends Map<string, GoValue> {
  readonly #target: GoMap;
  constructor(target: GoMap) {
    super();
    this.#target = target;
  }
  override get size(): number { return this.#target.size; }
  override get(k: string): GoValue { return this.#target.get(k); }
  override has(k: string): boolean { return this.#target.has(k); }
  override set(k: string, v: GoValue): this {
    this.#target.set(k, v);
    return this;
  }
  override delete(k: string): boolean { return this.#target.delete(k); }
  override clear(): void { this.#target.clear(); }
  override keys(): MapIterator<string> { return this.#target.keys(); }
  override values(): MapIterator<GoValue> { return this.#target.values(); }
  override entries(): MapIterator<[string, GoValue]> { return this.#target.entries(); }
  override [Symbol.iterator](): MapIterator<[string, GoValue]> { return this.#target.entries(); }
  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.#target) cb.call(thisArg, v, k, this);
  }
}

/** The map `m` seen with Go type `goType` (reads and writes go to `m`). */
export function viewAs(m: GoMap, goType: string): GoMap {
  return withMapType(new MapView(m), goType);
}
