/** Go's encoding/json for template values: Marshal / MarshalIndent and Unmarshal. */
export { marshalJSON, encodeString, encodeFloat } from './encode.ts';
export type { MarshalOptions } from './encode.ts';
export { unmarshalJSON, decodeJSON } from './decode.ts';
export type { JSONTarget, UnmarshalResult } from './decode.ts';
export { indentJSON } from './indent.ts';
export { checkValid } from './scanner.ts';
