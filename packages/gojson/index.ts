/**
 * Go's encoding/json output (Go 1.23), exact: json.Marshal / json.MarshalIndent of JavaScript values
 * standing for Go values (strings, float64, int64, []byte, json.Number, structs, slices, maps), with
 * HTML escaping, Go's float formatting and map keys sorted by their UTF-8 bytes. Shared by the template
 * engine (toJson, through an Encoder subclass for its Go values), the chart layer and the release codec.
 */
export { Encoder, JsonNumber, Struct, marshal, layout, type MarshalOptions } from './marshal.ts';
export { encodeString, encodeFloat } from './scalars.ts';
export { indentJSON } from './indent.ts';
export { MarshalError, type MarshalErrorCode } from './errors.ts';
