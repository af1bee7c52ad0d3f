/** Token, event and style constants of libyaml / go-yaml v2 (yamlh.go). */
import type { Mark } from './reader.ts';

export const T = {
  NO: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;
export type TokenType = (typeof T)[keyof typeof T];

export const S = {
  ANY: 0,
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL: 4,
  FOLDED: 5,
} as const;
export type ScalarStyle = (typeof S)[keyof typeof S];

export interface Token {
  typ: TokenType;
  startMark: Mark;
  endMark: Mark;
  /** scalar value, anchor/alias name, tag handle, tag directive handle */
  value?: number[];
  /** tag suffix */
  suffix?: number[];
  /** tag directive prefix */
  prefix?: number[];
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

export const E = {
  NO: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
} as const;
export type EventType = (typeof E)[keyof typeof E];

export const EVENT_NAMES: readonly string[] = [
  'none',
  'stream start',
  'stream end',
  'document start',
  'document end',
  'alias',
  'scalar',
  'sequence start',
  'sequence end',
  'mapping start',
  'mapping end',
];

export const BLOCK_STYLE = 1;
export const FLOW_STYLE = 2;

export interface YamlEvent {
  typ: EventType;
  startMark: Mark;
  endMark: Mark;
  anchor?: number[] | undefined;
  tag?: number[] | undefined;
  value?: number[] | undefined;
  implicit?: boolean;
  quotedImplicit?: boolean;
  /** scalar style, or BLOCK_STYLE / FLOW_STYLE for collections */
  style?: number;
}
