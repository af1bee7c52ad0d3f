/**
 * Go's fmt and strconv for template values: Sprint/Sprintln/Sprintf exactly as Go 1.23 prints,
 * strconv float formatting/parsing, integer parsing, and string quoting.
 */
export { sprint, sprintln, sprintf } from './printf.ts';
export { formatFloat } from './ftoa.ts';
export { parseFloat, tryParseFloat, type FloatResult } from './atof.ts';
export {
  parseInt, parseUint, atoi, tryParseInt, tryParseUint, formatInt, formatUint, itoa, type IntResult,
} from './atoi.ts';
export { NumError, ERR_RANGE, ERR_SYNTAX } from './numerror.ts';
export {
  quote, quoteToASCII, quoteToGraphic, quoteRune, quoteRuneToASCII, canBackquote, unquote, isPrint, isGraphic,
} from './quote.ts';
export {
  utf8Encode, utf8Decode, runeCount, byteLength, validString, compareStrings, rawByteChar, runes, runeAt,
  RUNE_ERROR, MAX_RUNE,
} from './utf8.ts';
export type { GoRune } from './utf8.ts';
