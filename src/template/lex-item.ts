/**
 * Lexer items: Go's itemType constants, the item record, and item.String() as parse errors print it.
 */
import { byteLength as utf8Len, quote as goQuote } from './fmt/index.ts';

/** Item types (Go's itemType; keywords come after ITEM_KEYWORD). */
export const ItemType = {
  Error: 0,
  Bool: 1,
  Char: 2,
  CharConstant: 3,
  Comment: 4,
  Complex: 5,
  Assign: 6,
  Declare: 7,
  EOF: 8,
  Field: 9,
  Identifier: 10,
  LeftDelim: 11,
  LeftParen: 12,
  Number: 13,
  Pipe: 14,
  RawString: 15,
  RightDelim: 16,
  RightParen: 17,
  Space: 18,
  String: 19,
  Text: 20,
  Variable: 21,
  Keyword: 22,
  Block: 23,
  Break: 24,
  Continue: 25,
  Dot: 26,
  Define: 27,
  Else: 28,
  End: 29,
  If: 30,
  Nil: 31,
  Range: 32,
  Template: 33,
  With: 34,
} as const;
export type ItemType = (typeof ItemType)[keyof typeof ItemType];

export const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', ItemType.Dot],
  ['block', ItemType.Block],
  ['break', ItemType.Break],
  ['continue', ItemType.Continue],
  ['define', ItemType.Define],
  ['else', ItemType.Else],
  ['end', ItemType.End],
  ['if', ItemType.If],
  ['range', ItemType.Range],
  ['nil', ItemType.Nil],
  ['template', ItemType.Template],
  ['with', ItemType.With],
]);

export interface Item {
  readonly typ: ItemType;
  /** start position (UTF-16 index) in the input */
  readonly pos: number;
  readonly val: string;
  /** line number at the start of this item */
  readonly line: number;
}

/** Go's item.String(), as used in parse error messages. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  if (utf8Len(i.val) > 10) return goQuotePrefix(i.val, 10) + '...';
  return goQuote(i.val);
}

/** fmt's `%.10q`: quotes the first n runes. */
function goQuotePrefix(s: string, n: number): string {
  const runes = Array.from(s);
  return goQuote(runes.slice(0, n).join(''));
}
