/** Go's json.Indent layout (as used by json.MarshalIndent) for valid JSON text. */

function newline(prefix: string, indent: string, depth: number): string {
  return '\n' + prefix + indent.repeat(depth);
}

/**
 * Lays out valid JSON as json.MarshalIndent does: one element per line, `"key": value`,
 * empty objects and arrays kept as `{}` / `[]`, the prefix starting every line but the first.
 * Whitespace outside strings is dropped.
 */
export function indentJSON(src: string, prefix: string, indent: string): string {
  let out = '';
  let needIndent = false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += src[i + 1] ?? '';
        i++;
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      out += newline(prefix, indent, depth);
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{': case '[':
        // delay indent so that empty object and array are formatted as {} and [].
        needIndent = true;
        out += c;
        break;
      case ',':
        out += c + newline(prefix, indent, depth);
        break;
      case ':':
        out += ': ';
        break;
      case '}': case ']':
        if (needIndent) {
          // suppress indent in empty object/array
          needIndent = false;
        } else {
          depth--;
          out += newline(prefix, indent, depth);
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
