/** Go's encoding/json Marshal / MarshalIndent for template values (through @capstan/gojson). */
import { Encoder, encodeFloat, layout, MarshalError, type MarshalOptions } from '@capstan/gojson';
import { GoFuncError, GoNumber, GoStruct, isNilMap, isNilSlice, mapType, sliceType } from '../value.ts';
import type { GoValue } from '../value.ts';

export type { MarshalOptions } from '@capstan/gojson';

/** The template engine's Go values: sized numbers, structs (through their json() value), typed nil slices and maps. */
class GoValueEncoder extends Encoder {
  protected override encodeOther(v: object): string | undefined {
    if (v instanceof GoNumber) {
      if (v.kind === 'float32') return encodeFloat(Number(v.value), 32);
      return BigInt(v.value).toString();
    }
    if (v instanceof GoStruct) return this.encode(v.json(), true);
    if (isNilSlice(v as GoValue) || isNilMap(v as GoValue)) return 'null';
    return undefined;
  }

  protected override goType(v: object): string {
    return Array.isArray(v) ? sliceType(v) : mapType(v as Map<string, GoValue>);
  }
}

/**
 * json.Marshal (or json.MarshalIndent when prefix/indent are given). Throws {@link GoFuncError}
 * with Go's message (`json: unsupported value: NaN`) on failure.
 *
 * A {@link GoStruct} is encoded through its `json()` value; when that is a Map, its entries are
 * written in insertion (field) order, as encoding/json writes struct fields.
 */
export function marshalJSON(v: GoValue, opts: MarshalOptions = {}): string {
  let out: string;
  try {
    out = new GoValueEncoder(opts.escapeHTML ?? true).encode(v);
  } catch (e) {
    if (e instanceof MarshalError) throw new GoFuncError(e.message);
    throw e;
  }
  return layout(out, opts);
}
