/**
 * github.com/huandu/xstrings v1.5.0: ToSnakeCase, ToKebabCase, ToPascalCase (Sprig's `camelcase`)
 * and Shuffle, ported rune for rune. Offsets here are UTF-16 indices into our strings, which cut
 * at the same places as Go's byte offsets since words always end on rune boundaries.
 */
import { runeAt, RUNE_ERROR } from '@capstan/strconv';
import { isLetter, isNumber, isPunct, isSpace, isUpper, toLower, toRunes, fromRunes, toUpper } from '../fmt/unicode.ts';

const WT = {
  invalid: 0,
  number: 1,
  upperCase: 2,
  alphabet: 3,
  connector: 4,
  punct: 5,
  other: 6,
} as const;
type WordType = (typeof WT)[keyof typeof WT];

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpace(r);
}

/** Letter that is not a CJK ideograph (xstrings' isAlphabet). */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** utf8.DecodeRuneInString: [rune, units]; [RUNE_ERROR, 0] on empty input. */
function decode(s: string): [number, number] {
  if (s.length === 0) return [RUNE_ERROR, 0];
  const g = runeAt(s, 0);
  return [g.r, g.units];
}

function nextValidRune(str: string, prev: number): [number, number] {
  let size = 0;
  while (str.length > 0) {
    const [r, sz] = decode(str);
    size += sz;
    if (r !== RUNE_ERROR) return [r, size];
    str = str.slice(sz);
  }
  return [prev, size];
}

function nextWord(str: string): [WordType, string, string] {
  if (str.length === 0) return [WT.invalid, '', ''];
  let offset = 0;
  let remaining = str;
  let [r, size] = nextValidRune(remaining, RUNE_ERROR);
  offset += size;
  if (r === RUNE_ERROR) return [WT.invalid, str.slice(0, offset), str.slice(offset)];
  let wt: WordType;
  const scan = (pred: (r: number) => boolean): void => {
    remaining = remaining.slice(size);
    while (remaining.length > 0) {
      [r, size] = nextValidRune(remaining, r);
      if (!pred(r)) break;
      offset += size;
      remaining = remaining.slice(size);
    }
  };
  if (isConnector(r)) {
    wt = WT.connector;
    scan(isConnector);
  } else if (isPunct(r)) {
    wt = WT.punct;
    scan(isPunct);
  } else if (isUpper(r)) {
    wt = WT.upperCase;
    remaining = remaining.slice(size);
    if (remaining.length > 0) {
      [r, size] = nextValidRune(remaining, r);
      if (isUpper(r)) {
        let prevSize = size;
        offset += size;
        remaining = remaining.slice(size);
        while (remaining.length > 0) {
          [r, size] = nextValidRune(remaining, r);
          if (!isUpper(r)) break;
          prevSize = size;
          offset += size;
          remaining = remaining.slice(size);
        }
        // "HTTPStatus" splits into "HTTP" and "Status".
        if (remaining.length > 0 && isAlphabet(r)) {
          offset -= prevSize;
          remaining = str.slice(offset);
        }
      } else if (isAlphabet(r)) {
        offset += size;
        remaining = remaining.slice(size);
        while (remaining.length > 0) {
          [r, size] = nextValidRune(remaining, r);
          if (!isAlphabet(r) || isUpper(r)) break;
          offset += size;
          remaining = remaining.slice(size);
        }
      }
    }
  } else if (isAlphabet(r)) {
    wt = WT.alphabet;
    scan((x) => isAlphabet(x) && !isUpper(x));
  } else if (isNumber(r)) {
    wt = WT.number;
    scan(isNumber);
  } else {
    wt = WT.other;
    remaining = remaining.slice(size);
    while (remaining.length > 0) {
      [r, size] = nextValidRune(remaining, r);
      if (size === 0 || isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r)) break;
      offset += size;
      remaining = remaining.slice(size);
    }
  }
  return [wt, str.slice(0, offset), remaining];
}

function writeLower(wt: WordType, str: string, connector: string): string {
  if (wt !== WT.upperCase && wt !== WT.connector) return str;
  let out = '';
  while (str.length > 0) {
    const [r, size] = decode(str);
    str = str.slice(size);
    if (isConnector(r)) out += connector;
    else if (isUpper(r)) out += String.fromCodePoint(toLower(r));
    else out += String.fromCodePoint(r);
  }
  return out;
}

function camelCaseToLowerCase(str: string, connector: string): string {
  if (str.length === 0) return '';
  let buf = '';
  let [wt, word, remaining] = nextWord(str);
  const isSep = (t: WordType): boolean => t === WT.connector || t === WT.punct;
  while (remaining.length > 0) {
    if (wt !== WT.connector) buf += writeLower(wt, word, connector);
    const prev = wt;
    const last = word;
    [wt, word, remaining] = nextWord(remaining);
    if (prev === WT.number) {
      while (wt === WT.alphabet || wt === WT.number) {
        buf += writeLower(wt, word, connector);
        [wt, word, remaining] = nextWord(remaining);
      }
      if (wt !== WT.invalid && !isSep(wt)) buf += connector;
    } else if (prev === WT.connector) {
      buf += writeLower(prev, last, connector);
    } else if (prev === WT.punct) {
      // nothing
    } else if (wt !== WT.number) {
      if (!isSep(wt)) buf += connector;
    } else if (remaining.length > 0) {
      const numWord = word;
      [wt, word, remaining] = nextWord(remaining);
      if (wt !== WT.alphabet) {
        // "Bld4Floor" => "bld4_floor": the number belongs to the previous word.
        buf += writeLower(WT.number, numWord, connector);
        if (!isSep(wt)) buf += connector;
      } else {
        // "HTTP2xx" => "http_2xx"
        buf += connector + writeLower(WT.number, numWord, connector);
        while (wt === WT.alphabet || wt === WT.number) {
          buf += writeLower(wt, word, connector);
          [wt, word, remaining] = nextWord(remaining);
        }
        if (wt !== WT.invalid && !isSep(wt)) buf += connector;
      }
    }
  }
  return buf + writeLower(wt, word, connector);
}

/** xstrings.ToSnakeCase. */
export function toSnakeCase(s: string): string {
  return camelCaseToLowerCase(s, '_');
}

/** xstrings.ToKebabCase. */
export function toKebabCase(s: string): string {
  return camelCaseToLowerCase(s, '-');
}

function toCamelCase(str: string, isBig: boolean): string {
  if (str.length === 0) return '';
  let buf = '';
  let isFirstRuneUpper = false;
  let r0 = 0;
  let r1 = 0;
  let size = 0;
  const w = (r: number): void => {
    buf += String.fromCodePoint(r);
  };
  while (str.length > 0) {
    [r0, size] = decode(str);
    str = str.slice(size);
    if (!isConnector(r0)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = isBig ? toUpper(r0) : toLower(r0);
      break;
    }
    w(r0);
  }
  if (str.length === 0) {
    if (size !== 0) w(r0);
    return buf;
  }
  while (str.length > 0) {
    r1 = r0;
    [r0, size] = decode(str);
    str = str.slice(size);
    if (isConnector(r0) && isConnector(r1)) {
      w(r1);
      continue;
    }
    if (isConnector(r1)) {
      isFirstRuneUpper = isUpper(r0);
      r0 = toUpper(r0);
    } else {
      if (isFirstRuneUpper) {
        if (isUpper(r0)) r0 = toLower(r0);
        else isFirstRuneUpper = false;
      }
      w(r1);
    }
  }
  if (isFirstRuneUpper && !isBig) r0 = toLower(r0);
  w(r0);
  return buf;
}

/** xstrings.ToPascalCase (Sprig's `camelcase`). */
export function toPascalCase(s: string): string {
  return toCamelCase(s, true);
}

/** xstrings.Shuffle: Fisher–Yates over the runes. */
export function shuffle(str: string, random: () => number = Math.random): string {
  if (str === '') return str;
  const runes = toRunes(str);
  for (let i = runes.length - 1; i > 0; i--) {
    const index = Math.floor(random() * (i + 1));
    if (i !== index) {
      const t = runes[i]!;
      runes[i] = runes[index]!;
      runes[index] = t;
    }
  }
  return fromRunes(runes);
}
