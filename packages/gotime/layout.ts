/** Go's layout tokenizer (nextStdChunk): finds the reference-time elements in a layout string. */

export type StdKind =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth' | 'LongWeekDay' | 'WeekDay'
  | 'Day' | 'UnderDay' | 'ZeroDay' | 'UnderYearDay' | 'ZeroYearDay'
  | 'Hour' | 'Hour12' | 'ZeroHour12' | 'Minute' | 'ZeroMinute' | 'Second' | 'ZeroSecond'
  | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ'
  | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ' | 'ISO8601ColonTZ' | 'ISO8601ColonSecondsTZ'
  | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ' | 'NumColonSecondsTZ'
  | 'FracSecond0' | 'FracSecond9';

export interface Std {
  kind: StdKind;
  /** digits of a fractional second element */
  digits: number;
  /** separator of a fractional second element */
  sep: '.' | ',';
}

export interface Chunk {
  prefix: string;
  std: Std | undefined;
  suffix: string;
}

const STD0X: readonly StdKind[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];

const mk = (kind: StdKind): Std => ({ kind, digits: 0, sep: '.' });

function startsWithLowerCase(s: string): boolean {
  const c = s[0];
  return c !== undefined && c >= 'a' && c <= 'z';
}

const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** Go's nextStdChunk. */
export function nextStdChunk(layout: string): Chunk {
  const at = (i: number, s: string): boolean => layout.startsWith(s, i);
  const res = (i: number, kind: StdKind | Std, len: number): Chunk => ({
    prefix: layout.slice(0, i),
    std: typeof kind === 'string' ? mk(kind) : kind,
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    switch (c) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return res(i, 'LongMonth', 7);
          if (!startsWithLowerCase(layout.slice(i + 3))) return res(i, 'Month', 3);
        }
        break;
      case 'M':
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return res(i, 'LongWeekDay', 6);
          if (!startsWithLowerCase(layout.slice(i + 3))) return res(i, 'WeekDay', 3);
        }
        if (at(i, 'MST')) return res(i, 'TZ', 3);
        break;
      case '0': {
        const n = layout[i + 1];
        if (n !== undefined && n >= '1' && n <= '6') return res(i, STD0X[n.charCodeAt(0) - 49] as StdKind, 2);
        if (at(i, '002')) return res(i, 'ZeroYearDay', 3);
        break;
      }
      case '1':
        if (at(i, '15')) return res(i, 'Hour', 2);
        return res(i, 'NumMonth', 1);
      case '2':
        if (at(i, '2006')) return res(i, 'LongYear', 4);
        return res(i, 'Day', 1);
      case '_':
        if (layout[i + 1] === '2') {
          if (at(i + 1, '2006')) return { prefix: layout.slice(0, i + 1), std: mk('LongYear'), suffix: layout.slice(i + 5) };
          return res(i, 'UnderDay', 2);
        }
        if (at(i, '__2')) return res(i, 'UnderYearDay', 3);
        break;
      case '3':
        return res(i, 'Hour12', 1);
      case '4':
        return res(i, 'Minute', 1);
      case '5':
        return res(i, 'Second', 1);
      case 'P':
        if (layout[i + 1] === 'M') return res(i, 'PM', 2);
        break;
      case 'p':
        if (layout[i + 1] === 'm') return res(i, 'pm', 2);
        break;
      case '-':
        if (at(i, '-070000')) return res(i, 'NumSecondsTz', 7);
        if (at(i, '-07:00:00')) return res(i, 'NumColonSecondsTZ', 9);
        if (at(i, '-0700')) return res(i, 'NumTZ', 5);
        if (at(i, '-07:00')) return res(i, 'NumColonTZ', 6);
        if (at(i, '-07')) return res(i, 'NumShortTZ', 3);
        break;
      case 'Z':
        if (at(i, 'Z070000')) return res(i, 'ISO8601SecondsTZ', 7);
        if (at(i, 'Z07:00:00')) return res(i, 'ISO8601ColonSecondsTZ', 9);
        if (at(i, 'Z0700')) return res(i, 'ISO8601TZ', 5);
        if (at(i, 'Z07:00')) return res(i, 'ISO8601ColonTZ', 6);
        if (at(i, 'Z07')) return res(i, 'ISO8601ShortTZ', 3);
        break;
      case '.': case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            const std: Std = { kind: ch === '9' ? 'FracSecond9' : 'FracSecond0', digits: (j - (i + 1)) & 0xfff, sep: c };
            return { prefix: layout.slice(0, i), std, suffix: layout.slice(j) };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: undefined, suffix: '' };
}
