/** Go's encoding/json for template values: Marshal / MarshalIndent and Unmarshal. */
export { marshalJSON } from './encode.ts';
export type { MarshalOptions } from './encode.ts';
export { encodeString, encodeFloat, indentJSON } from '@capstan/gojson';
export { unmarshalJSON, decodeJSON } from './decode.ts';
export type { JSONTarget, UnmarshalResult } from './decode.ts';
export { checkValid } from './scanner.ts';
