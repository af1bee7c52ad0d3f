/**
 * The few pieces of Go's fmt that chart messages need: `%v` of values (warnings) and `%t` of non-bools
 * (`%!t(string=x)`). Float formatting and string order are @capstan/strconv's.
 */

import { compareStrings, formatFloat } from '@capstan/strconv';
import type { Value } from './values.ts';

/** Go's `%v` of a JSON-like value. */
export function formatGoV(v: Value | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'string': return v;
    case 'bigint': return v.toString();
    case 'number': return formatFloat(v, 'g', -1, 64);
  }
  if (Array.isArray(v)) return '[' + v.map(formatGoV).join(' ') + ']';
  const keys = [...v.keys()].sort(compareStrings);
  return 'map[' + keys.map((k) => `${k}:${formatGoV(v.get(k))}`).join(' ') + ']';
}

/** Go's `%t` applied to any value: booleans print, other kinds print as `%!t(type=value)`. */
export function formatGoT(v: Value | undefined): string {
  if (v === null || v === undefined) return '%!t(<nil>)';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'string': return `%!t(string=${v})`;
    case 'bigint': return `%!t(int64=${v.toString()})`;
    case 'number': return `%!t(float64=${formatFloat(v, 'g', -1, 64)})`;
  }
  if (Array.isArray(v)) return '[' + v.map(formatGoT).join(' ') + ']';
  const keys = [...v.keys()].sort(compareStrings);
  return 'map[' + keys.map((k) => `%!t(string=${k}):${formatGoT(v.get(k))}`).join(' ') + ']';
}
