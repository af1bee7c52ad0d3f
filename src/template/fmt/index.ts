/**
 * Go's fmt and strconv for template values: Sprint/Sprintln/Sprintf exactly as Go 1.23 prints,
 * strconv float/integer parsing with the template engine's errors; quoting, float formatting and the
 * UTF-8 model come from @capstan/strconv and are re-exported here for the engine.
 */
export { sprint, sprintln, sprintf } from './printf.ts';
export { parseFloat, tryParseFloat, type FloatResult } from './atof.ts';
export {
  parseInt, parseUint, atoi, tryParseInt, tryParseUint, formatInt, formatUint, itoa, type IntResult,
} from './atoi.ts';
export { NumError, ERR_RANGE, ERR_SYNTAX } from './numerror.ts';
export {
  formatFloat, quote, quoteToASCII, quoteToGraphic, quoteRune, quoteRuneToASCII, canBackquote, unquote, isPrint,
  isGraphic, utf8Encode, utf8Decode, runeCount, byteLength, validString, compareStrings, rawByteChar, runes, runeAt,
  RUNE_ERROR, MAX_RUNE, type GoRune,
} from '@capstan/strconv';
