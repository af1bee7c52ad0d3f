/**
 * Validation as xeipuuv/gojsonschema v1.2.0 does it (validation.go, result.go): the same keyword
 * order, error wording, contexts (`(root).a.b`) and the scoring that picks which anyOf/oneOf branch's
 * errors are reported.
 */

import { JsonNumber } from '@capstan/gojson';
import type { JsonValue } from '../go-json.ts';
import { isFormat } from './formats.ts';
import { formatDescription, LOCALE, type Details } from './locale.ts';
import { formatRatG, parseRat, ratCmp, ratIsInt, ratQuoIsInt } from './rat.ts';
import { canonicalJson, type SubSchema } from './schema.ts';

class Context {
  readonly head: string;
  readonly tail: Context | null;
  constructor(head: string, tail: Context | null) {
    this.head = head;
    this.tail = tail;
  }
  toString(): string {
    return this.tail ? `${this.tail.toString()}.${this.head}` : this.head;
  }
}

export interface ResultError {
  readonly type: string;
  readonly context: string;
  /** context without the leading `(root).` */
  readonly field: string;
  readonly description: string;
}

/** ResultError.String(): `field: description`. */
export function resultErrorString(e: ResultError): string {
  return `${e.field}: ${e.description}`;
}

class Result {
  errors: ResultError[] = [];
  score = 0;
  valid(): boolean {
    return this.errors.length === 0;
  }
  add(type: string, tpl: string, ctx: Context, details: Details): void {
    const context = ctx.toString();
    const field = context.startsWith('(root).') ? context.slice('(root).'.length) : context;
    const d: Details = { ...details, field };
    if (!('context' in d)) d['context'] = context;
    this.errors.push({ type, context, field, description: formatDescription(tpl, d) });
    this.score -= 2;
  }
  merge(o: Result): void {
    this.errors.push(...o.errors);
    this.score += o.score;
  }
  inc(): void {
    this.score++;
  }
}

const isNumber = (v: JsonValue): v is JsonNumber => v instanceof JsonNumber;

function typesString(types: string[]): string {
  if (types.length === 0) return 'undefined';
  return types.length > 1 ? `[${types.join(',')}]` : types[0]!;
}

function subValidate(s: SubSchema, node: JsonValue, ctx: Context): Result {
  const r = new Result();
  validateRecursive(s, node, r, ctx);
  return r;
}

function runeCount(s: string): number {
  return [...s].length;
}

function validateRecursive(cur: SubSchema, nodeIn: JsonValue, result: Result, ctx: Context): void {
  const node = typeof nodeIn === 'number' ? new JsonNumber(String(nodeIn)) : nodeIn;
  if (cur.pass !== null) {
    if (!cur.pass) result.add('false', LOCALE.False, ctx, {});
    return;
  }
  if (cur.refSchema !== null) {
    validateRecursive(cur.refSchema, node, result, ctx);
    return;
  }
  const typed = cur.types.length > 0;
  const typeErr = (given: string) =>
    result.add('invalid_type', LOCALE.InvalidType, ctx, { expected: typesString(cur.types), given });

  if (node === null) {
    if (typed && !cur.types.includes('null')) {
      typeErr('null');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
  } else if (isNumber(node)) {
    const r = parseRat(node.text);
    const isInt = r !== null && ratIsInt(r);
    const validType = cur.types.includes('number') || (isInt && cur.types.includes('integer'));
    if (typed && !validType) {
      typeErr(isInt ? 'integer' : 'number');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateNumber(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
  } else if (Array.isArray(node)) {
    if (typed && !cur.types.includes('array')) {
      typeErr('array');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateArray(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
  } else if (node instanceof Map) {
    if (typed && !cur.types.includes('object')) {
      typeErr('object');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateObject(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
    for (const p of cur.propertiesChildren) {
      if (node.has(p.property)) validateRecursive(p, node.get(p.property)!, result, new Context(p.property, ctx));
    }
  } else if (typeof node === 'boolean') {
    if (typed && !cur.types.includes('boolean')) {
      typeErr('boolean');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
  } else {
    if (typed && !cur.types.includes('string')) {
      typeErr('string');
      return;
    }
    validateSchema(cur, node, result, ctx);
    validateCommon(cur, node, result, ctx);
    validateString(cur, node, result, ctx);
  }
  result.inc();
}

function validateSchema(cur: SubSchema, node: JsonValue, result: Result, ctx: Context): void {
  if (cur.anyOf.length > 0) {
    let ok = false;
    let best: Result | null = null;
    for (const s of cur.anyOf) {
      if (ok) continue;
      const r = subValidate(s, node, ctx);
      ok = r.valid();
      if (!ok && (best === null || r.score > best.score)) best = r;
    }
    if (!ok) {
      result.add('number_any_of', LOCALE.NumberAnyOf, ctx, {});
      if (best) result.merge(best);
    }
  }
  if (cur.oneOf.length > 0) {
    let n = 0;
    let best: Result | null = null;
    for (const s of cur.oneOf) {
      const r = subValidate(s, node, ctx);
      if (r.valid()) n++;
      else if (n === 0 && (best === null || r.score > best.score)) best = r;
    }
    if (n !== 1) {
      result.add('number_one_of', LOCALE.NumberOneOf, ctx, {});
      if (n === 0 && best) result.merge(best);
    }
  }
  if (cur.allOf.length > 0) {
    let n = 0;
    for (const s of cur.allOf) {
      const r = subValidate(s, node, ctx);
      if (r.valid()) n++;
      result.merge(r);
    }
    if (n !== cur.allOf.length) result.add('number_all_of', LOCALE.NumberAllOf, ctx, {});
  }
  if (cur.not !== null) {
    if (subValidate(cur.not, node, ctx).valid()) result.add('number_not', LOCALE.NumberNot, ctx, {});
  }
  if (cur.dependencies !== null && cur.dependencies.size > 0 && node instanceof Map) {
    for (const key of node.keys()) {
      const dep = cur.dependencies.get(key);
      if (dep === undefined) continue;
      if (Array.isArray(dep)) {
        for (const d of dep) {
          if (!node.has(d)) result.add('missing_dependency', LOCALE.MissingDependency, ctx, { dependency: d });
        }
      } else {
        validateRecursive(dep, node, result, ctx);
      }
    }
  }
  if (cur.ifSchema !== null) {
    const ifr = subValidate(cur.ifSchema, node, ctx);
    if (cur.thenSchema !== null && ifr.valid()) {
      const t = subValidate(cur.thenSchema, node, ctx);
      if (!t.valid()) {
        result.add('condition_then', LOCALE.ConditionThen, ctx, {});
        result.merge(t);
      }
    }
    if (cur.elseSchema !== null && !ifr.valid()) {
      const e = subValidate(cur.elseSchema, node, ctx);
      if (!e.valid()) {
        result.add('condition_else', LOCALE.ConditionElse, ctx, {});
        result.merge(e);
      }
    }
  }
  result.inc();
}

function validateCommon(cur: SubSchema, value: JsonValue, result: Result, ctx: Context): void {
  if (cur.constValue !== null) {
    if (canonicalJson(value) !== cur.constValue) result.add('const', LOCALE.Const, ctx, { allowed: cur.constValue });
  }
  if (cur.enum.length > 0) {
    if (!cur.enum.includes(canonicalJson(value))) {
      result.add('enum', LOCALE.Enum, ctx, { allowed: cur.enum.join(', ') });
    }
  }
  result.inc();
}

function validateArray(cur: SubSchema, value: JsonValue[], result: Result, ctx: Context): void {
  const n = value.length;
  if (cur.itemsChildrenIsSingleSchema) {
    for (let i = 0; i < n; i++) result.merge(subValidate(cur.itemsChildren[0]!, value[i]!, new Context(String(i), ctx)));
  } else if (cur.itemsChildren.length > 0) {
    const nItems = cur.itemsChildren.length;
    for (let i = 0; i !== nItems && i !== n; i++) {
      result.merge(subValidate(cur.itemsChildren[i]!, value[i]!, new Context(String(i), ctx)));
    }
    if (nItems < n) {
      const ai = cur.additionalItems;
      if (ai === false) result.add('array_no_additional_items', LOCALE.ArrayNoAdditionalItems, ctx, {});
      else if (ai !== null && ai !== true) {
        for (let i = nItems; i !== n; i++) result.merge(subValidate(ai, value[i]!, new Context(String(i), ctx)));
      }
    }
  }
  if (cur.minItems !== null && n < cur.minItems) result.add('array_min_items', LOCALE.ArrayMinItems, ctx, { min: cur.minItems });
  if (cur.maxItems !== null && n > cur.maxItems) result.add('array_max_items', LOCALE.ArrayMaxItems, ctx, { max: cur.maxItems });
  if (cur.uniqueItems) {
    const seen = new Map<string, number>();
    value.forEach((v, j) => {
      const s = canonicalJson(v);
      const i = seen.get(s);
      if (i !== undefined) result.add('unique', LOCALE.Unique, ctx, { type: 'array', i, j });
      seen.set(s, j);
    });
  }
  if (cur.contains !== null) {
    let ok = false;
    let best: Result | null = null;
    for (let i = 0; i < n; i++) {
      const r = subValidate(cur.contains, value[i]!, new Context(String(i), ctx));
      if (r.valid()) {
        ok = true;
        break;
      }
      if (best === null || r.score > best.score) best = r;
    }
    if (!ok) {
      result.add('contains', LOCALE.ArrayContains, ctx, {});
      if (best) result.merge(best);
    }
  }
  result.inc();
}

function validateObject(cur: SubSchema, value: Map<string, JsonValue>, result: Result, ctx: Context): void {
  if (cur.minProperties !== null && value.size < cur.minProperties) {
    result.add('array_min_properties', LOCALE.ArrayMinProperties, ctx, { min: cur.minProperties });
  }
  if (cur.maxProperties !== null && value.size > cur.maxProperties) {
    result.add('array_max_properties', LOCALE.ArrayMaxProperties, ctx, { max: cur.maxProperties });
  }
  for (const req of cur.required) {
    if (value.has(req)) result.inc();
    else result.add('required', LOCALE.Required, ctx, { property: req });
  }
  for (const [pk, pv] of value) {
    const found = cur.propertiesChildren.some((s) => s.property === pk);
    const ppMatch = validatePatternProperty(cur, pk, pv, result, ctx);
    if (!found && !ppMatch) {
      const ap = cur.additionalProperties;
      if (ap === false) {
        result.add('additional_property_not_allowed', LOCALE.AdditionalPropertyNotAllowed, ctx, { property: pk });
      } else if (ap !== null && ap !== true) {
        result.merge(subValidate(ap, pv, new Context(pk, ctx)));
      }
    }
  }
  if (cur.propertyNames !== null) {
    for (const pk of value.keys()) {
      const r = subValidate(cur.propertyNames, pk, ctx);
      if (!r.valid()) {
        result.add('invalid_property_name', LOCALE.InvalidPropertyName, ctx, { property: pk });
        result.merge(r);
      }
    }
  }
  result.inc();
}

function validatePatternProperty(cur: SubSchema, key: string, value: JsonValue, result: Result, ctx: Context): boolean {
  let validated = false;
  for (const { re, schema } of cur.patternProperties?.values() ?? []) {
    if (re.test(key)) {
      validated = true;
      result.merge(subValidate(schema, value, new Context(key, ctx)));
    }
  }
  if (!validated) return false;
  result.inc();
  return true;
}

function validateString(cur: SubSchema, value: string, result: Result, ctx: Context): void {
  if (cur.minLength !== null && runeCount(value) < cur.minLength) {
    result.add('string_gte', LOCALE.StringGTE, ctx, { min: cur.minLength });
  }
  if (cur.maxLength !== null && runeCount(value) > cur.maxLength) {
    result.add('string_lte', LOCALE.StringLTE, ctx, { max: cur.maxLength });
  }
  if (cur.pattern !== null && !cur.pattern.re.test(value)) {
    result.add('pattern', LOCALE.DoesNotMatchPattern, ctx, { pattern: cur.pattern.source });
  }
  if (cur.format !== '' && !isFormat(cur.format, value)) {
    result.add('format', LOCALE.DoesNotMatchFormat, ctx, { format: cur.format });
  }
  result.inc();
}

function validateNumber(cur: SubSchema, value: JsonNumber, result: Result, ctx: Context): void {
  const v = parseRat(value.text)!;
  if (cur.multipleOf !== null && !ratQuoIsInt(v, cur.multipleOf)) {
    result.add('multiple_of', LOCALE.MultipleOf, ctx, { multiple: formatRatG(cur.multipleOf) });
  }
  if (cur.maximum !== null && ratCmp(v, cur.maximum) === 1) {
    result.add('number_lte', LOCALE.NumberLTE, ctx, { max: formatRatG(cur.maximum) });
  }
  if (cur.exclusiveMaximum !== null && ratCmp(v, cur.exclusiveMaximum) >= 0) {
    result.add('number_lt', LOCALE.NumberLT, ctx, { max: formatRatG(cur.exclusiveMaximum) });
  }
  if (cur.minimum !== null && ratCmp(v, cur.minimum) === -1) {
    result.add('number_gte', LOCALE.NumberGTE, ctx, { min: formatRatG(cur.minimum) });
  }
  if (cur.exclusiveMinimum !== null && ratCmp(v, cur.exclusiveMinimum) <= 0) {
    result.add('number_gt', LOCALE.NumberGT, ctx, { min: formatRatG(cur.exclusiveMinimum) });
  }
  if (cur.format !== '' && !isFormat(cur.format, v)) {
    result.add('format', LOCALE.DoesNotMatchFormat, ctx, { format: cur.format });
  }
  result.inc();
}

/** Validates a document against a compiled schema; the errors in gojsonschema's order. */
export function validateDocument(root: SubSchema, doc: JsonValue): ResultError[] {
  const r = new Result();
  validateRecursive(root, doc, r, new Context('(root)', null));
  return r.errors;
}
