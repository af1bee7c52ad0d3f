/**
 * Schema compilation as xeipuuv/gojsonschema v1.2.0 does it (schema.go, schemaLoader.go): drafts
 * 4/6/7 and Hybrid, `$ref` through the document pool, and its error messages for invalid schemas.
 */

import { RE2JS } from 're2js';
import { JsonNumber, marshal } from '@capstan/gojson';
import type { JsonValue } from '../go-json.ts';
import { detectDraft, DRAFT4, DRAFT6, DRAFT7, HYBRID, type Draft } from './drafts.ts';
import { compileError, LOCALE, SchemaCompileError } from './locale.ts';
import { parseRat, type Rat } from './rat.ts';
import { getPointer, inherits, parseRef, refString, SchemaPool, type JsonRef } from './refs.ts';

export interface SubSchema {
  draft: Draft | null;
  id: JsonRef | null;
  property: string;
  pass: boolean | null;
  types: string[];
  ref: JsonRef | null;
  refSchema: SubSchema | null;
  parent: SubSchema | null;
  itemsChildren: SubSchema[];
  itemsChildrenIsSingleSchema: boolean;
  propertiesChildren: SubSchema[];
  multipleOf: Rat | null;
  maximum: Rat | null;
  exclusiveMaximum: Rat | null;
  minimum: Rat | null;
  exclusiveMinimum: Rat | null;
  minLength: number | null;
  maxLength: number | null;
  pattern: { source: string; re: RE2JS } | null;
  format: string;
  minProperties: number | null;
  maxProperties: number | null;
  required: string[];
  dependencies: Map<string, string[] | SubSchema> | null;
  additionalProperties: boolean | SubSchema | null;
  patternProperties: Map<string, { re: RE2JS; schema: SubSchema }> | null;
  propertyNames: SubSchema | null;
  minItems: number | null;
  maxItems: number | null;
  uniqueItems: boolean;
  contains: SubSchema | null;
  additionalItems: boolean | SubSchema | null;
  constValue: string | null;
  enum: string[];
  oneOf: SubSchema[];
  anyOf: SubSchema[];
  allOf: SubSchema[];
  not: SubSchema | null;
  ifSchema: SubSchema | null;
  thenSchema: SubSchema | null;
  elseSchema: SubSchema | null;
}

const JSON_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

function newSub(property: string, parent: SubSchema | null, ref: JsonRef | null): SubSchema {
  return {
    draft: null, id: null, property, pass: null, types: [], ref, refSchema: null, parent,
    itemsChildren: [], itemsChildrenIsSingleSchema: false, propertiesChildren: [],
    multipleOf: null, maximum: null, exclusiveMaximum: null, minimum: null, exclusiveMinimum: null,
    minLength: null, maxLength: null, pattern: null, format: '',
    minProperties: null, maxProperties: null, required: [], dependencies: null,
    additionalProperties: null, patternProperties: null, propertyNames: null,
    minItems: null, maxItems: null, uniqueItems: false, contains: null, additionalItems: null,
    constValue: null, enum: [], oneOf: [], anyOf: [], allOf: [], not: null,
    ifSchema: null, thenSchema: null, elseSchema: null,
  };
}

const isMap = (v: JsonValue | undefined): v is Map<string, JsonValue> => v instanceof Map;
const isBool = (v: JsonValue | undefined): v is boolean => typeof v === 'boolean';
const isNum = (v: JsonValue | undefined): v is JsonNumber => v instanceof JsonNumber;

/** marshalWithoutNumber: canonical JSON with numbers as float64. */
export function canonicalJson(v: JsonValue): string {
  const conv = (x: JsonValue): JsonValue => {
    if (x instanceof JsonNumber) return Number(x.text);
    if (Array.isArray(x)) return x.map(conv);
    if (x instanceof Map) return new Map([...x].map(([k, y]) => [k, conv(y)] as [string, JsonValue]));
    return x;
  };
  return marshal(conv(v));
}

function mustBeNumber(v: JsonValue | undefined): Rat | null {
  return isNum(v) ? parseRat(v.text) : null;
}

function mustBeInteger(v: JsonValue | undefined): number | null {
  if (!isNum(v)) return null;
  const r = parseRat(v.text);
  if (!r || r.den !== 1n) return null;
  if (!/^-?[0-9]+$/.test(v.text)) return null; // json.Number.Int64 rejects 1e2 / 1.0
  if (r.num > 2n ** 63n - 1n || r.num < -(2n ** 63n)) return null;
  return Number(r.num);
}

function compileRegex(src: string): RE2JS | null {
  try {
    return RE2JS.compile(src);
  } catch {
    return null;
  }
}

export class Schema {
  readonly root: SubSchema;
  private readonly pool = new SchemaPool();
  private readonly referencePool = new Map<string, SubSchema>();

  /** gojsonschema.NewSchema(NewBytesLoader(...)) given the decoded document (numbers as JsonNumber). */
  constructor(doc: JsonValue) {
    const emptyRef: JsonRef = { base: '', fragment: '', hasFragment: false };
    const docDraft = detectDraft(doc);
    this.pool.parseReferences(doc, emptyRef, true, docDraft);
    const draft = docDraft ?? HYBRID;
    this.root = newSub('(root)', null, null);
    this.root.draft = draft;
    this.parseSchema(doc, this.root, emptyRef);
  }

  private parseSchema(node: JsonValue, cur: SubSchema, docRef: JsonRef): void {
    if (cur.draft === null) {
      if (cur.parent === null) throw new SchemaCompileError('Draft not set');
      cur.draft = cur.parent.draft;
    }
    const draft = cur.draft!;
    if (draft >= DRAFT6 && isBool(node)) {
      cur.pass = node;
      return;
    }
    if (!isMap(node)) throw compileError(LOCALE.ParseError, { expected: 'valid schema' });
    const m = node;
    if (cur.parent === null) {
      cur.ref = docRef;
      cur.id = docRef;
    }
    if (cur.id === null && cur.parent !== null) cur.id = cur.parent.id;

    let keyID: string;
    if (draft === DRAFT4) keyID = 'id';
    else if (draft === HYBRID) keyID = m.has('id') ? 'id' : '$id';
    else keyID = '$id';
    const invalidType = (expected: string, given: string) => compileError(LOCALE.InvalidType, { expected, given });
    if (m.has(keyID) && typeof m.get(keyID) !== 'string') throw invalidType('string', keyID);
    const idv = m.get(keyID);
    if (typeof idv === 'string') {
      const jr = parseRef(idv);
      cur.id = cur === this.root ? jr : inherits(cur.parent!.id ?? docRef, jr);
    }

    if (m.has('definitions')) {
      const defs = m.get('definitions');
      if (!isMap(defs)) throw invalidType('array of schemas', 'definitions');
      for (const dv of defs.values()) {
        if (isMap(dv) || isBool(dv)) this.parseSchema(dv, newSub('definitions', cur, null), docRef);
        else throw invalidType('array of schemas', 'definitions');
      }
    }
    for (const k of ['title', 'description']) {
      if (m.has(k) && typeof m.get(k) !== 'string') throw invalidType('string', k);
    }
    if (m.has('$ref') && typeof m.get('$ref') !== 'string') throw invalidType('string', '$ref');
    const refv = m.get('$ref');
    if (typeof refv === 'string') {
      cur.ref = parseRef(refv);
      const key = refString(cur.ref);
      const hit = this.referencePool.get(key);
      if (hit) {
        cur.refSchema = hit;
      } else {
        this.parseReference(cur, docRef);
        return;
      }
    }

    if (m.has('type')) {
      const t = m.get('type');
      const add = (s: string) => {
        if (!JSON_TYPES.includes(s)) {
          throw compileError(LOCALE.NotAValidType, { given: `/${s}/`, expected: JSON_TYPES });
        }
        if (cur.types.includes(s)) throw compileError(LOCALE.Duplicated, { type: s });
        cur.types.push(s);
      };
      if (typeof t === 'string') add(t);
      else if (Array.isArray(t)) {
        for (const x of t) {
          if (typeof x !== 'string') throw invalidType('string/array of strings', 'type');
          add(x);
        }
      } else throw invalidType('string/array of strings', 'type');
    }

    if (m.has('properties')) {
      const props = m.get('properties');
      if (!isMap(props)) throw compileError(LOCALE.MustBeOfType, { key: 'properties', type: 'object' });
      for (const [k, v] of props) {
        const s = newSub(k, cur, cur.ref);
        cur.propertiesChildren.push(s);
        this.parseSchema(v, s, docRef);
      }
    }

    if (m.has('additionalProperties')) {
      const ap = m.get('additionalProperties');
      if (isBool(ap)) cur.additionalProperties = ap;
      else if (isMap(ap)) {
        const s = newSub('additionalProperties', cur, cur.ref);
        cur.additionalProperties = s;
        this.parseSchema(ap, s, docRef);
      } else throw invalidType('boolean/valid schema', 'additionalProperties');
    }

    if (m.has('patternProperties')) {
      const pp = m.get('patternProperties');
      if (!isMap(pp)) throw invalidType('valid schema', 'patternProperties');
      if (pp.size > 0) {
        cur.patternProperties = new Map();
        for (const [k, v] of pp) {
          const re = compileRegex(k);
          if (!re) throw compileError(LOCALE.RegexPattern, { pattern: k });
          const s = newSub(k, cur, cur.ref);
          this.parseSchema(v, s, docRef);
          cur.patternProperties.set(k, { re, schema: s });
        }
      }
    }

    if (m.has('propertyNames') && draft >= DRAFT6) {
      const pn = m.get('propertyNames');
      if (!(isMap(pn) || isBool(pn))) throw invalidType('valid schema', 'patternProperties');
      const s = newSub('propertyNames', cur, cur.ref);
      cur.propertyNames = s;
      this.parseSchema(pn, s, docRef);
    }

    if (m.has('dependencies')) {
      const deps = m.get('dependencies');
      if (!isMap(deps)) throw compileError(LOCALE.MustBeOfType, { key: 'dependencies', type: 'object' });
      cur.dependencies = new Map();
      const bad = () => compileError(LOCALE.MustBeOfType, { key: 'dependency', type: 'schema or array of strings' });
      for (const [k, v] of deps) {
        if (Array.isArray(v)) {
          const list: string[] = [];
          for (const x of v) {
            if (typeof x !== 'string') throw bad();
            list.push(x);
            cur.dependencies.set(k, [...list]);
          }
        } else if (isMap(v) || isBool(v)) {
          const s = newSub(k, cur, cur.ref);
          this.parseSchema(v, s, docRef);
          cur.dependencies.set(k, s);
        } else throw bad();
      }
    }

    if (m.has('items')) {
      const items = m.get('items');
      const bad = () => invalidType('valid schema/array of schemas', 'items');
      if (Array.isArray(items)) {
        for (const el of items) {
          if (!(isMap(el) || isBool(el))) throw bad();
          const s = newSub('items', cur, cur.ref);
          cur.itemsChildren.push(s);
          this.parseSchema(el, s, docRef);
          cur.itemsChildrenIsSingleSchema = false;
        }
      } else if (isMap(items) || isBool(items)) {
        const s = newSub('items', cur, cur.ref);
        cur.itemsChildren.push(s);
        this.parseSchema(items, s, docRef);
        cur.itemsChildrenIsSingleSchema = true;
      } else throw bad();
    }

    if (m.has('additionalItems')) {
      const ai = m.get('additionalItems');
      if (isBool(ai)) cur.additionalItems = ai;
      else if (isMap(ai)) {
        const s = newSub('additionalItems', cur, cur.ref);
        cur.additionalItems = s;
        this.parseSchema(ai, s, docRef);
      } else throw invalidType('boolean/valid schema', 'additionalItems');
    }

    if (m.has('multipleOf')) {
      const v = mustBeNumber(m.get('multipleOf'));
      if (v === null) throw invalidType('number', 'multipleOf');
      if (v.num <= 0n) throw compileError(LOCALE.GreaterThanZero, { number: 'multipleOf' });
      cur.multipleOf = v;
    }
    if (m.has('minimum')) {
      const v = mustBeNumber(m.get('minimum'));
      if (v === null) throw compileError(LOCALE.MustBeOfA, { x: 'minimum', y: 'number' });
      cur.minimum = v;
    }
    this.parseExclusive(m, cur, draft, 'exclusiveMinimum', 'minimum');
    if (m.has('maximum')) {
      const v = mustBeNumber(m.get('maximum'));
      if (v === null) throw compileError(LOCALE.MustBeOfA, { x: 'maximum', y: 'number' });
      cur.maximum = v;
    }
    this.parseExclusive(m, cur, draft, 'exclusiveMaximum', 'maximum');

    const nonNegInt = (key: string): number | null => {
      if (!m.has(key)) return null;
      const v = mustBeInteger(m.get(key));
      if (v === null) throw compileError(LOCALE.MustBeOfAn, { x: key, y: 'integer' });
      if (v < 0) throw compileError(LOCALE.MustBeGTEZero, { key });
      return v;
    };
    cur.minLength = nonNegInt('minLength');
    cur.maxLength = nonNegInt('maxLength');
    if (cur.minLength !== null && cur.maxLength !== null && cur.minLength > cur.maxLength) {
      throw compileError(LOCALE.CannotBeGT, { x: 'minLength', y: 'maxLength' });
    }
    if (m.has('pattern')) {
      const p = m.get('pattern');
      if (typeof p !== 'string') throw compileError(LOCALE.MustBeOfA, { x: 'pattern', y: 'string' });
      const re = compileRegex(p);
      if (!re) throw compileError(LOCALE.MustBeValidRegex, { key: 'pattern' });
      cur.pattern = { source: p, re };
    }
    if (m.has('format')) {
      const f = m.get('format');
      if (typeof f !== 'string') throw compileError(LOCALE.MustBeOfType, { key: 'format', type: 'string' });
      cur.format = f;
    }

    cur.minProperties = nonNegInt('minProperties');
    cur.maxProperties = nonNegInt('maxProperties');
    if (cur.minProperties !== null && cur.maxProperties !== null && cur.minProperties > cur.maxProperties) {
      throw compileError(LOCALE.KeyCannotBeGreaterThan, { key: 'minProperties', y: 'maxProperties' });
    }
    if (m.has('required')) {
      const req = m.get('required');
      if (!Array.isArray(req)) throw compileError(LOCALE.MustBeOfAn, { x: 'required', y: 'array' });
      for (const r of req) {
        if (typeof r !== 'string') throw compileError(LOCALE.KeyItemsMustBeOfType, { key: 'required', type: 'string' });
        if (cur.required.includes(r)) throw compileError(LOCALE.KeyItemsMustBeUnique, { key: 'required' });
        cur.required.push(r);
      }
    }

    cur.minItems = nonNegInt('minItems');
    cur.maxItems = nonNegInt('maxItems');
    if (m.has('uniqueItems')) {
      const u = m.get('uniqueItems');
      if (!isBool(u)) throw compileError(LOCALE.MustBeOfA, { x: 'uniqueItems', y: 'boolean' });
      cur.uniqueItems = u;
    }
    if (m.has('contains') && draft >= DRAFT6) {
      const s = newSub('contains', cur, cur.ref);
      cur.contains = s;
      this.parseSchema(m.get('contains')!, s, docRef);
    }
    if (m.has('const') && draft >= DRAFT6) cur.constValue = canonicalJson(m.get('const')!);
    if (m.has('enum')) {
      const e = m.get('enum');
      if (!Array.isArray(e)) throw compileError(LOCALE.MustBeOfAn, { x: 'enum', y: 'array' });
      for (const v of e) {
        const s = canonicalJson(v);
        if (cur.enum.includes(s)) throw compileError(LOCALE.KeyItemsMustBeUnique, { key: 'enum' });
        cur.enum.push(s);
      }
    }

    for (const [key, list, errKey] of [
      ['oneOf', cur.oneOf, 'oneOf'],
      ['anyOf', cur.anyOf, 'anyOf'],
      ['allOf', cur.allOf, 'anyOf'],
    ] as const) {
      if (!m.has(key)) continue;
      const arr = m.get(key);
      if (!Array.isArray(arr)) throw compileError(LOCALE.MustBeOfAn, { x: errKey, y: 'array' });
      for (const v of arr) {
        const s = newSub(key, cur, cur.ref);
        list.push(s);
        this.parseSchema(v, s, docRef);
      }
    }
    if (m.has('not')) {
      const n = m.get('not');
      if (!(isMap(n) || isBool(n))) throw compileError(LOCALE.MustBeOfAn, { x: 'not', y: 'object' });
      const s = newSub('not', cur, cur.ref);
      cur.not = s;
      this.parseSchema(n, s, docRef);
    }
    if (draft >= DRAFT7) {
      for (const [key, prop] of [['if', 'ifSchema'], ['then', 'thenSchema'], ['else', 'elseSchema']] as const) {
        if (!m.has(key)) continue;
        const v = m.get(key);
        if (!(isMap(v) || isBool(v))) throw compileError(LOCALE.MustBeOfAn, { x: key, y: 'object' });
        const s = newSub(key, cur, cur.ref);
        cur[prop] = s;
        this.parseSchema(v!, s, docRef);
      }
    }
  }

  private parseExclusive(m: Map<string, JsonValue>, cur: SubSchema, draft: Draft, key: 'exclusiveMinimum' | 'exclusiveMaximum', base: 'minimum' | 'maximum'): void {
    if (!m.has(key)) return;
    const v = m.get(key);
    const without = () => compileError(LOCALE.CannotBeUsedWithout, { x: key, y: base });
    if (draft === DRAFT4) {
      if (!isBool(v)) throw compileError(LOCALE.InvalidType, { expected: 'boolean', given: key });
      if (cur[base] === null) throw without();
      if (v) {
        cur[key] = cur[base];
        cur[base] = null;
      }
    } else if (draft === HYBRID) {
      if (isBool(v)) {
        if (cur[base] === null) throw without();
        if (v) {
          cur[key] = cur[base];
          cur[base] = null;
        }
      } else if (isNum(v)) {
        cur[key] = mustBeNumber(v);
      } else throw compileError(LOCALE.InvalidType, { expected: 'boolean/number', given: key });
    } else {
      if (!isNum(v)) throw compileError(LOCALE.InvalidType, { expected: 'number', given: key });
      cur[key] = mustBeNumber(v);
    }
  }

  private parseReference(cur: SubSchema, docRef: JsonRef): void {
    const s = newSub('$ref', cur, cur.ref);
    const key = refString(cur.ref!);
    if (!this.referencePool.has(key)) this.referencePool.set(key, s);
    let spd;
    try {
      spd = this.pool.getDocument(cur.ref!, (d) => detectDraft(d));
    } catch (e) {
      throw new SchemaCompileError((e as Error).message);
    }
    s.id = cur.ref;
    s.draft = spd.draft;
    const doc = spd.document;
    if (!(isMap(doc) || isBool(doc))) throw compileError(LOCALE.MustBeOfType, { key: 'valid schema', type: 'object' });
    this.parseSchema(doc, s, docRef);
    cur.refSchema = s;
  }
}

export { getPointer };
