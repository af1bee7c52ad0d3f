/** Item types, positions and character classes of BurntSushi/toml's lexer (lex.go). */
export const I = {
  Error: 0,
  NIL: 1,
  EOF: 2,
  Text: 3,
  String: 4,
  StringEsc: 5,
  RawString: 6,
  MultilineString: 7,
  RawMultilineString: 8,
  Bool: 9,
  Integer: 10,
  Float: 11,
  Datetime: 12,
  Array: 13,
  ArrayEnd: 14,
  TableStart: 15,
  TableEnd: 16,
  ArrayTableStart: 17,
  ArrayTableEnd: 18,
  KeyStart: 19,
  KeyEnd: 20,
  CommentStart: 21,
  InlineTableStart: 22,
  InlineTableEnd: 23,
} as const;
export type ItemType = (typeof I)[keyof typeof I];

export interface Position {
  line: number;
  start: number;
  len: number;
}

export interface Item {
  typ: ItemType;
  val: string;
  err?: string;
  pos: Position;
}

export const EOF = 0;

/** Go's %q of a rune and of a string, as BurntSushi/toml's error messages print them. */
export { quoteRune as goQuoteRune, quote as goQuote } from '@capstan/strconv';

export const isWhitespace = (r: number): boolean => r === 0x09 || r === 0x20;
export const isNL = (r: number): boolean => r === 0x0a || r === 0x0d;
export const isControl = (r: number): boolean => r !== 0x09 && r !== 0x0d && r !== 0x0a && ((r >= 0 && r <= 0x1f) || r === 0x7f);
export const isDigit = (r: number): boolean => r >= 0x30 && r <= 0x39;
export const isBinary = (r: number): boolean => r === 0x30 || r === 0x31;
export const isOctal = (r: number): boolean => r >= 0x30 && r <= 0x37;
export const isHex = (r: number): boolean => (r >= 0x30 && r <= 0x39) || ((r | 0x20) >= 0x61 && (r | 0x20) <= 0x66);
export const isBareKeyChar = (r: number): boolean =>
  (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a) || (r >= 0x30 && r <= 0x39) || r === 0x5f || r === 0x2d;
const LETTER = /\p{L}/u;
export const isLetter = (r: number): boolean => r !== EOF && LETTER.test(String.fromCodePoint(r));
