/**
 * JSON references and pointers as xeipuuv/gojsonreference and gojsonpointer resolve them, and the
 * document pool of gojsonschema (schemaPool.go). Remote documents are not fetched: only the
 * embedded draft-04/06/07 meta-schemas are available.
 */

import { decodeJsonPrefix, type JsonValue } from '../go-json.ts';
import { DRAFT_META_SCHEMAS, type Draft } from './drafts.ts';

export class SchemaRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaRefError';
  }
}

/** A parsed reference: the URL part (no fragment) and the fragment (JSON pointer). */
export interface JsonRef {
  readonly base: string;
  readonly fragment: string;
  /** whether the reference had a `#` with a non-empty fragment */
  readonly hasFragment: boolean;
}

export function parseRef(s: string): JsonRef {
  const i = s.indexOf('#');
  const base = i >= 0 ? s.slice(0, i) : s;
  const fragment = i >= 0 ? decodeURIComponentSafe(s.slice(i + 1)) : '';
  return { base, fragment, hasFragment: fragment !== '' };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** JsonReference.String(): the URL with a non-empty fragment. */
export function refString(r: JsonRef): string {
  return r.fragment !== '' ? `${r.base}#${encodeFragment(r.fragment)}` : r.base;
}

function encodeFragment(f: string): string {
  return f.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (c) => encodeURIComponent(c));
}

function hasScheme(s: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
}

/** JsonReference.Inherits: `child` resolved against `parent`. */
export function inherits(parent: JsonRef, child: JsonRef): JsonRef {
  if (hasScheme(child.base)) return child;
  if (child.base === '') return { base: parent.base, fragment: child.fragment, hasFragment: child.hasFragment };
  if (parent.base === '' || !hasScheme(parent.base)) {
    if (child.base.startsWith('/') || parent.base === '') return child;
    const dir = parent.base.slice(0, parent.base.lastIndexOf('/') + 1);
    return { base: dir + child.base, fragment: child.fragment, hasFragment: child.hasFragment };
  }
  try {
    const u = new URL(child.base, parent.base);
    u.hash = '';
    return { base: u.href, fragment: child.fragment, hasFragment: child.hasFragment };
  } catch {
    return child;
  }
}

/** gojsonpointer Get on a document. */
export function getPointer(doc: JsonValue, pointer: string): JsonValue {
  if (pointer === '') return doc;
  if (!pointer.startsWith('/')) throw new SchemaRefError(`JSON pointer must be empty or start with a "/"`);
  let node: JsonValue = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node instanceof Map) {
      if (!node.has(token)) throw new SchemaRefError(`Object has no key '${token}'`);
      node = node.get(token)!;
    } else if (Array.isArray(node)) {
      const idx = Number(token);
      if (!/^[0-9]+$/.test(token)) throw new SchemaRefError(`Invalid array index '${token}'`);
      if (idx >= node.length) throw new SchemaRefError(`Out of bound array[0,${node.length}] index '${token}'`);
      node = node[idx]!;
    } else {
      throw new SchemaRefError(`Invalid token reference '${token}'`);
    }
  }
  return node;
}

export interface PoolDocument {
  readonly document: JsonValue;
  readonly draft: Draft | null;
}

/** schemaPool: documents by reference string, with `$id`/`id` sub-documents registered. */
export class SchemaPool {
  private readonly docs = new Map<string, PoolDocument>();

  /** parseReferences: registers `document` under `ref` (when pooled) and its `$id` sub-documents. */
  parseReferences(document: JsonValue, ref: JsonRef, pooled: boolean, draft: Draft | null): void {
    const key = refString(ref);
    if (pooled && this.docs.has(key)) throw new SchemaRefError(`Reference already exists: "${key}"`);
    this.parseRecursive(document, ref, draft);
    if (pooled) this.docs.set(key, { document, draft });
  }

  private parseRecursive(document: JsonValue, ref: JsonRef, draft: Draft | null): void {
    if (Array.isArray(document)) {
      for (const v of document) this.parseRecursive(v, ref, draft);
      return;
    }
    if (!(document instanceof Map)) return;
    let localRef = ref;
    const keyId = document.has('id') ? 'id' : '$id';
    const id = document.get(keyId);
    if (typeof id === 'string') {
      localRef = inherits(ref, parseRef(id));
      const k = refString(localRef);
      if (this.docs.has(k)) throw new SchemaRefError(`Reference already exists: "${k}"`);
      this.docs.set(k, { document, draft });
    }
    const r = document.get('$ref');
    if (typeof r === 'string') document.set('$ref', refString(inherits(localRef, parseRef(r))));
    for (const [k, v] of document) {
      if (k === 'const' || k === 'enum') continue;
      if (k === 'properties' || k === 'dependencies' || k === 'patternProperties') {
        if (v instanceof Map) for (const x of v.values()) this.parseRecursive(x, localRef, draft);
      } else {
        this.parseRecursive(v, localRef, draft);
      }
    }
  }

  /** GetDocument: by full reference, else by its document URL plus pointer. */
  getDocument(ref: JsonRef, detectDraft: (doc: JsonValue) => Draft | null): PoolDocument {
    const full = refString(ref);
    const hit = this.docs.get(full);
    if (hit) return hit;
    const cached = this.docs.get(ref.base);
    if (cached) {
      const spd = { document: getPointer(cached.document, ref.fragment), draft: cached.draft };
      this.docs.set(full, spd);
      return spd;
    }
    if (!hasScheme(ref.base)) throw new SchemaRefError(`Reference ${full} must be canonical`);
    const meta = DRAFT_META_SCHEMAS.get(ref.base);
    if (meta === undefined) {
      throw new SchemaRefError(`unable to load remote schema reference ${full}: remote references are not supported`);
    }
    const document = decodeJsonPrefix(meta, { useNumber: true }).value;
    this.parseReferences(document, { base: ref.base, fragment: '', hasFragment: false }, true, detectDraft(document));
    return { document: getPointer(document, ref.fragment), draft: detectDraft(document) };
  }
}
