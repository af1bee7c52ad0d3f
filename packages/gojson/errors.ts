/** json.Marshal's errors, worded as Go words them. */

export type MarshalErrorCode = 'UnsupportedValue' | 'UnsupportedType' | 'InvalidNumber';

export class MarshalError extends Error {
  readonly code: MarshalErrorCode;
  constructor(code: MarshalErrorCode, message: string) {
    super(message);
    this.name = 'MarshalError';
    this.code = code;
  }
}

/** `json: unsupported value: NaN`, `json: unsupported value: encountered a cycle via map[string]interface {}`. */
export function unsupportedValue(what: string): MarshalError {
  return new MarshalError('UnsupportedValue', `json: unsupported value: ${what}`);
}
