/**
 * Port of go-yaml v2's input reader (readerc.go) for UTF-8 input: decodes the raw bytes in 512-byte
 * chunks exactly when the scanner asks for more characters, so reader errors ("control characters are
 * not allowed", …) surface at the same moment as in Go.
 */

export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type ErrorKind = 'reader' | 'scanner' | 'parser';

/** A go-yaml parse failure; `message` is what go-yaml's `p.fail()` reports (`yaml: line N: …`). */
export class YamlSyntaxError extends Error {
  readonly kind: ErrorKind;
  readonly problem: string;
  readonly problemMark: Mark;
  readonly contextMark: Mark;
  constructor(kind: ErrorKind, problem: string, problemMark: Mark, contextMark: Mark) {
    let line = 0;
    if (problemMark.line !== 0) {
      line = problemMark.line;
      if (kind === 'scanner') line++;
    } else if (contextMark.line !== 0) {
      line = contextMark.line;
    }
    const where = line !== 0 ? `line ${line}: ` : '';
    super(`yaml: ${where}${problem || 'unknown problem parsing YAML content'}`);
    this.name = 'YamlSyntaxError';
    this.kind = kind;
    this.problem = problem;
    this.problemMark = problemMark;
    this.contextMark = contextMark;
  }
}

const RAW_BUFFER_SIZE = 512;
const ZERO_MARK: Mark = { index: 0, line: 0, column: 0 };

/** A copy of a mark (marks are mutable while the reader advances). */
export function copyMark(m: Mark): Mark {
  return { index: m.index, line: m.line, column: m.column };
}

export class Reader {
  /** raw input bytes */
  private readonly input: Uint8Array;
  /** position in `input` of the first undecoded raw byte */
  private rawPos = 0;
  /** end (exclusive) of the raw bytes read so far */
  private rawEnd = 0;
  private eof = false;
  private encodingKnown = false;
  /**
   * decoded UTF-8 bytes (never shifted; buffer_pos is absolute): the validated input bytes, then a 0 at
   * the end. Zero-filled beyond `filled`, so reads past the decoded part see 0 as before.
   */
  buffer: Uint8Array;
  /** number of bytes of `buffer` decoded so far */
  private filled = 0;
  bufferPos = 0;
  /** number of decoded, not yet consumed characters */
  unread = 0;
  mark: Mark = { index: 0, line: 0, column: 0 };

  constructor(input: Uint8Array) {
    this.input = input;
    this.buffer = new Uint8Array(input.length + 1);
  }

  private readerError(problem: string): never {
    throw new YamlSyntaxError('reader', problem, ZERO_MARK, ZERO_MARK);
  }

  private updateRawBuffer(): void {
    if (this.eof) return;
    if (this.rawEnd === this.input.length) {
      this.eof = true;
      return;
    }
    this.rawEnd = Math.min(this.input.length, this.rawPos + RAW_BUFFER_SIZE);
  }

  private determineEncoding(): void {
    while (!this.eof && this.rawEnd - this.rawPos < 3) this.updateRawBuffer();
    const b = this.input;
    const p = this.rawPos;
    if (this.rawEnd - p >= 3 && b[p] === 0xef && b[p + 1] === 0xbb && b[p + 2] === 0xbf) this.rawPos += 3;
    this.encodingKnown = true;
  }

  /** Makes at least `length` characters available (go-yaml's `cache`). */
  cache(length: number): void {
    if (this.unread >= length) return;
    this.updateBuffer(length);
  }

  updateBuffer(length: number): void {
    if (this.unread >= length) return;
    if (!this.encodingKnown) this.determineEncoding();
    let first = true;
    const raw = this.input;
    while (this.unread < length) {
      if (!first || this.rawPos === this.rawEnd) this.updateRawBuffer();
      first = false;
      const buffer = this.buffer;
      while (this.rawPos !== this.rawEnd) {
        let octet = raw[this.rawPos]!;
        // Fast path: printable ASCII, tab and line breaks (what the checks below accept for w = 1).
        if ((octet >= 0x20 && octet <= 0x7e) || octet === 0x0a || octet === 0x09 || octet === 0x0d) {
          buffer[this.filled++] = octet;
          this.rawPos++;
          this.unread++;
          continue;
        }
        const rawUnread = this.rawEnd - this.rawPos;
        let w: number;
        if ((octet & 0x80) === 0) w = 1;
        else if ((octet & 0xe0) === 0xc0) w = 2;
        else if ((octet & 0xf0) === 0xe0) w = 3;
        else if ((octet & 0xf8) === 0xf0) w = 4;
        else this.readerError('invalid leading UTF-8 octet');
        if (w > rawUnread) {
          if (this.eof) this.readerError('incomplete UTF-8 octet sequence');
          break;
        }
        let value: number;
        if ((octet & 0x80) === 0) value = octet & 0x7f;
        else if ((octet & 0xe0) === 0xc0) value = octet & 0x1f;
        else if ((octet & 0xf0) === 0xe0) value = octet & 0x0f;
        else value = octet & 0x07;
        for (let k = 1; k < w; k++) {
          octet = raw[this.rawPos + k]!;
          if ((octet & 0xc0) !== 0x80) this.readerError('invalid trailing UTF-8 octet');
          value = (value << 6) + (octet & 0x3f);
        }
        if (!(w === 1 || (w === 2 && value >= 0x80) || (w === 3 && value >= 0x800) || (w === 4 && value >= 0x10000))) {
          this.readerError('invalid length of a UTF-8 sequence');
        }
        if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.readerError('invalid Unicode character');
        if (
          !(
            value === 0x09 ||
            value === 0x0a ||
            value === 0x0d ||
            (value >= 0x20 && value <= 0x7e) ||
            value === 0x85 ||
            (value >= 0xa0 && value <= 0xd7ff) ||
            (value >= 0xe000 && value <= 0xfffd) ||
            (value >= 0x10000 && value <= 0x10ffff)
          )
        ) {
          this.readerError('control characters are not allowed');
        }
        for (let k = 0; k < w; k++) buffer[this.filled++] = raw[this.rawPos + k]!;
        this.rawPos += w;
        this.unread++;
      }
      if (this.eof) {
        buffer[this.filled++] = 0;
        this.unread++;
        break;
      }
    }
  }
}
