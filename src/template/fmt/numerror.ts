/** strconv.NumError: `strconv.ParseInt: parsing "x": invalid syntax`. */
import { GoFuncError } from '../value.ts';
import { quote } from '@capstan/strconv';

export class NumError extends GoFuncError {
  /** the failing function, e.g. `ParseInt` */
  readonly func: string;
  /** the input */
  readonly num: string;
  /** the underlying error text: `invalid syntax`, `value out of range`, `invalid base 1`, … */
  readonly err: string;
  /** the value Go returns along with the error (e.g. ±Inf or the clamped integer for range errors) */
  readonly value: number | bigint;
  constructor(func: string, num: string, err: string, value: number | bigint) {
    super(`strconv.${func}: parsing ${quote(num)}: ${err}`);
    this.name = 'NumError';
    this.func = func;
    this.num = num;
    this.err = err;
    this.value = value;
  }
}

export const ERR_RANGE = 'value out of range';
export const ERR_SYNTAX = 'invalid syntax';
