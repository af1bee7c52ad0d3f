/**
 * gojsonschema's DefaultLocale messages and its text/template rendering of error details.
 */

export const LOCALE = {
  False: 'False always fails validation',
  Required: '{{.property}} is required',
  InvalidType: 'Invalid type. Expected: {{.expected}}, given: {{.given}}',
  NumberAnyOf: 'Must validate at least one schema (anyOf)',
  NumberOneOf: 'Must validate one and only one schema (oneOf)',
  NumberAllOf: 'Must validate all the schemas (allOf)',
  NumberNot: 'Must not validate the schema (not)',
  MissingDependency: 'Has a dependency on {{.dependency}}',
  Internal: 'Internal Error {{.error}}',
  Const: '{{.field}} does not match: {{.allowed}}',
  Enum: '{{.field}} must be one of the following: {{.allowed}}',
  ArrayNoAdditionalItems: 'No additional items allowed on array',
  ArrayMinItems: 'Array must have at least {{.min}} items',
  ArrayMaxItems: 'Array must have at most {{.max}} items',
  Unique: '{{.type}} items[{{.i}},{{.j}}] must be unique',
  ArrayContains: 'At least one of the items must match',
  ArrayMinProperties: 'Must have at least {{.min}} properties',
  ArrayMaxProperties: 'Must have at most {{.max}} properties',
  AdditionalPropertyNotAllowed: 'Additional property {{.property}} is not allowed',
  InvalidPropertyName: 'Property name of "{{.property}}" does not match',
  StringGTE: 'String length must be greater than or equal to {{.min}}',
  StringLTE: 'String length must be less than or equal to {{.max}}',
  DoesNotMatchPattern: "Does not match pattern '{{.pattern}}'",
  DoesNotMatchFormat: "Does not match format '{{.format}}'",
  MultipleOf: 'Must be a multiple of {{.multiple}}',
  NumberGTE: 'Must be greater than or equal to {{.min}}',
  NumberGT: 'Must be greater than {{.min}}',
  NumberLTE: 'Must be less than or equal to {{.max}}',
  NumberLT: 'Must be less than {{.max}}',
  RegexPattern: "Invalid regex pattern '{{.pattern}}'",
  GreaterThanZero: '{{.number}} must be strictly greater than 0',
  MustBeOfA: '{{.x}} must be of a {{.y}}',
  MustBeOfAn: '{{.x}} must be of an {{.y}}',
  CannotBeUsedWithout: '{{.x}} cannot be used without {{.y}}',
  CannotBeGT: '{{.x}} cannot be greater than {{.y}}',
  MustBeOfType: '{{.key}} must be of type {{.type}}',
  MustBeValidRegex: '{{.key}} must be a valid regex',
  MustBeGTEZero: '{{.key}} must be greater than or equal to 0',
  KeyCannotBeGreaterThan: '{{.key}} cannot be greater than {{.y}}',
  KeyItemsMustBeOfType: '{{.key}} items must be {{.type}}',
  KeyItemsMustBeUnique: '{{.key}} items must be unique',
  ReferenceMustBeCanonical: 'Reference {{.reference}} must be canonical',
  NotAValidType: 'has a primitive type that is NOT VALID -- given: {{.given}} Expected valid values are:{{.expected}}',
  Duplicated: '{{.type}} type is duplicated',
  ErrorFormat: '{{.field}}: {{.description}}',
  ParseError: 'Expected: {{.expected}}, given: Invalid JSON',
  ConditionThen: 'Must validate "then" as "if" was valid',
  ConditionElse: 'Must validate "else" as "if" was not valid',
} as const;

export type Details = Record<string, string | number | readonly string[]>;

/** formatErrorDescription: fills `{{.key}}` from details as text/template prints them. */
export function formatDescription(tpl: string, details: Details): string {
  return tpl.replace(/\{\{\.(\w+)\}\}/g, (_, k: string) => {
    const v = details[k];
    if (v === undefined) return '<no value>';
    if (Array.isArray(v)) return `[${v.join(' ')}]`;
    return String(v);
  });
}

/** An error while compiling a schema (returned by gojsonschema.Validate before validating). */
export class SchemaCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaCompileError';
  }
}

export function compileError(tpl: string, details: Details): SchemaCompileError {
  return new SchemaCompileError(formatDescription(tpl, details));
}
