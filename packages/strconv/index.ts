/**
 * Go's strconv and unicode/utf8 (Go 1.23) in TypeScript, exact: Quote and its variants, IsPrint,
 * Unquote, FormatFloat for every format and bit size, and the Go-string model (a byte that is not
 * valid UTF-8 is a lone low surrogate U+DC80–U+DCFF; see utf8.ts) with byte-wise comparison.
 * Shared by the template engine, the chart layer and @capstan/gojson.
 */
export {
  quote, quoteToASCII, quoteToGraphic, quoteRune, quoteRuneToASCII, canBackquote, unquote, unquoteChar,
  isPrint, isGraphic,
} from './quote.ts';
export { formatFloat, exactShortest64, FLOAT32, FLOAT64, type FloatInfo } from './ftoa.ts';
export {
  utf8Encode, utf8Decode, runeCount, runeLen, byteLength, validString, validRune, compareStrings, rawByteChar,
  rawByteOf, runes, runeAt, runeToString, decodeRune, RUNE_ERROR, MAX_RUNE, type GoRune,
} from './utf8.ts';
