/** go-yaml's yaml_emitter_analyze_scalar: which scalar styles can represent a value. */
import { isAscii, isBlank, isBlankz, isBreak, isPrintable, isSpace, width } from './chars.ts';

export interface ScalarData {
  value: number[];
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  style: number;
}

export function analyzeScalar(sd: ScalarData, value: number[], v3: boolean, unicode: boolean): void {
  sd.value = value;
  if (value.length === 0) {
    sd.multiline = false;
    sd.flowPlainAllowed = false;
    sd.blockPlainAllowed = true;
    sd.singleQuotedAllowed = true;
    sd.blockAllowed = false;
    return;
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (
    value.length >= 3 &&
    ((value[0] === 0x2d && value[1] === 0x2d && value[2] === 0x2d) || (value[0] === 0x2e && value[1] === 0x2e && value[2] === 0x2e))
  ) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0, w = 0; i < value.length; i += w) {
    w = width(value[i]!) || 1;
    const followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
    const c = value[i]!;
    if (i === 0) {
      switch (c) {
        case 0x23: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x26: case 0x2a:
        case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
          flowIndicators = true;
          blockIndicators = true;
          break;
        case 0x3f: case 0x3a:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x2d:
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case 0x2c: case 0x3f: case 0x5b: case 0x5d: case 0x7b: case 0x7d:
          flowIndicators = true;
          break;
        case 0x3a:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x23:
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (v3 && c === 0x09) tabCharacters = true;
    else if (!isPrintable(value, i) || (!isAscii(value, i) && !unicode)) specialCharacters = true;
    if (isSpace(value, i)) {
      if (i === 0) leadingSpace = true;
      if (i + w === value.length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(value, i)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + w === value.length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(value, i);
  }
  sd.multiline = lineBreaks;
  sd.flowPlainAllowed = true;
  sd.blockPlainAllowed = true;
  sd.singleQuotedAllowed = true;
  sd.blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    sd.flowPlainAllowed = false;
    sd.blockPlainAllowed = false;
  }
  if (trailingSpace) sd.blockAllowed = false;
  if (breakSpace) {
    sd.flowPlainAllowed = false;
    sd.blockPlainAllowed = false;
    sd.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    sd.flowPlainAllowed = false;
    sd.blockPlainAllowed = false;
    sd.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) sd.blockAllowed = false;
  if (lineBreaks) {
    sd.flowPlainAllowed = false;
    sd.blockPlainAllowed = false;
  }
  if (flowIndicators) sd.flowPlainAllowed = false;
  if (blockIndicators) sd.blockPlainAllowed = false;
}
