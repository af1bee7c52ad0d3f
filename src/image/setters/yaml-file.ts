/**
 * Rewrites the values carrying `$imagepolicy` markers in one YAML file, changing nothing else: the file is
 * tokenised with the `yaml` package's CST parser, the marked scalars are located there, and only their source
 * ranges are replaced. Comments, blank lines, indentation, key order, anchors, other documents and the quoting
 * style of each value stay byte for byte. One exception to keeping the style: a plain value whose new text
 * would read back as something other than that string (`1.10` a number, `yes` a YAML 1.1 boolean, a `#` …)
 * is written double-quoted, so the value keeps meaning a string for Helm (YAML 1.1) and Kubernetes (1.2).
 *
 * A file that does not parse cleanly is left alone with a warning naming file:line:column.
 */
import { CST, LineCounter, Parser, isMap, parse, parseAllDocuments, type Document } from 'yaml';
import { parseMarker } from './marker.ts';
import {
  policyValue, type MarkerField, type ObjectRef, type PolicyValue, type PolicyValues, type SetterChange, type SetterWarning,
} from './types.ts';

export interface FileUpdate {
  /** the new text (the same string when nothing changed) */
  readonly text: string;
  readonly changes: SetterChange[];
  readonly warnings: SetterWarning[];
}

interface Edit {
  readonly offset: number;
  readonly length: number;
  readonly source: string;
}

type FlowScalarToken = CST.FlowScalar;

const SCALAR_TYPES = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

/** The value a marker field asks for, or undefined when the policy has none (a `:digest` without digest). */
function wanted(field: MarkerField, v: PolicyValue): string | undefined {
  switch (field) {
    case 'image': return `${v.image}:${v.tag}${v.digest !== undefined && v.digest !== '' ? `@${v.digest}` : ''}`;
    case 'tag': return v.tag;
    case 'name': return v.image;
    case 'digest': return v.digest !== undefined && v.digest !== '' ? v.digest : undefined;
  }
}

/** Whether `value` written plain reads back as the same string in YAML 1.2 and 1.1. */
function plainSafe(value: string): boolean {
  for (const version of ['1.2', '1.1'] as const) {
    try {
      if (parse(value, { version }) !== value) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The new source of a scalar token holding `value`, in the token's own style where that is safe. */
function render(token: FlowScalarToken, value: string): string {
  const type = token.type === 'single-quoted-scalar' ? 'QUOTE_SINGLE'
    : token.type === 'double-quoted-scalar' || !plainSafe(value) ? 'QUOTE_DOUBLE' : 'PLAIN';
  return CST.createScalarToken(value, { type, indent: token.indent, inFlow: false, implicitKey: false }).source;
}

/** The comment on the same line right after a value, if any. */
function trailingComment(token: FlowScalarToken): string | undefined {
  for (const t of token.end ?? []) {
    if (t.type === 'newline') return undefined;
    if (t.type === 'comment') return t.source;
  }
  return undefined;
}

function objectRef(doc: Document | undefined): ObjectRef | undefined {
  if (doc === undefined || !isMap(doc.contents)) return undefined;
  const kind = doc.get('kind');
  const name = doc.getIn(['metadata', 'name']);
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const apiVersion = doc.get('apiVersion');
  const namespace = doc.getIn(['metadata', 'namespace']);
  return {
    ...(typeof apiVersion === 'string' ? { apiVersion } : {}),
    kind, name,
    ...(typeof namespace === 'string' ? { namespace } : {}),
  };
}

/** Parse errors of the file, as warnings; empty when it parses cleanly. */
function parseProblems(path: string, text: string): { docs: Document[]; warnings: SetterWarning[] } {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  const warnings = list.flatMap((d) => d.errors).map((e) => ({
    file: path,
    line: e.linePos?.[0].line ?? 0,
    column: e.linePos?.[0].col ?? 0,
    message: `not updated: the YAML does not parse: ${e.message.split('\n')[0] ?? e.code}`,
  }));
  return { docs: list, warnings };
}

/** Applies the policies to one file's markers. */
export function updateYamlText(path: string, text: string, policies: PolicyValues): FileUpdate {
  if (!text.includes('$imagepolicy')) return { text, changes: [], warnings: [] };
  const { docs, warnings } = parseProblems(path, text);
  if (warnings.length > 0) return { text, changes: [], warnings: warnings.slice(0, 1) };
  const lines = new LineCounter();
  const edits: Edit[] = [];
  const changes: SetterChange[] = [];
  let docIndex = -1;
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if (token.type !== 'document') continue;
    const object = objectRef(docs[++docIndex]);
    CST.visit(token, (item, path2) => {
      const value = item.value;
      if (value === undefined || !SCALAR_TYPES.has(value.type)) return;
      if (CST.visit.parentCollection(token, path2).type.startsWith('flow')) return;
      const scalar = value as FlowScalarToken;
      const comment = trailingComment(scalar);
      const marker = comment !== undefined ? parseMarker(comment) : undefined;
      if (marker === undefined) return;
      const pos = lines.linePos(scalar.offset);
      const where = { file: path, line: pos.line, column: pos.col };
      if (!marker.ok) {
        warnings.push({ ...where, message: marker.message });
        return;
      }
      const v = policyValue(policies, marker.policy);
      if (v === undefined) return;
      const newValue = wanted(marker.field, v);
      if (newValue === undefined) {
        warnings.push({ ...where, message: `policy ${marker.policy} has no digest for the :digest marker` });
        return;
      }
      const oldValue = CST.resolveAsScalar(scalar)?.value ?? '';
      if (oldValue === newValue) return;
      edits.push({ offset: scalar.offset, length: scalar.source.length, source: render(scalar, newValue) });
      changes.push({ ...where, policy: marker.policy, field: marker.field, oldValue, newValue, ...(object !== undefined ? { object } : {}) });
    });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.source + out.slice(e.offset + e.length);
  return { text: out, changes, warnings };
}
