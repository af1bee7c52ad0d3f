/**
 * One YAML (or JSON) file → its documents, each with the line it starts on. YAML 1.1 as the Kubernetes
 * decoder reads it (`yes`/`on` are booleans, no timestamp or binary types: everything stays JSON); duplicate
 * keys are an error, as in kustomize. A syntax error names the file, line and column.
 */
import { LineCounter, parseAllDocuments, type Tags } from 'yaml';
import { buildError, type SourceLocation } from './errors.ts';

export interface YamlDocument {
  value: unknown;
  at: SourceLocation;
}

const jsonOnly = (tags: Tags): Tags => tags.filter((t) => {
  const tag = typeof t === 'string' ? t : t.tag;
  return !/timestamp|binary|omap|pairs|set$/.test(tag);
});

/** The first line of a `yaml` error message, without its " at line L, column C" tail. */
function shortMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses every document of `text`; empty documents (comments only) are left out. Throws a BuildFailed GitSyncError. */
export function parseYamlDocuments(text: string, file: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'yaml-1.1', customTags: jsonOnly, merge: true, uniqueKeys: true, lineCounter, prettyErrors: true });
  const out: YamlDocument[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err !== undefined) {
      const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
      throw buildError(`invalid YAML: ${shortMessage(err.message)}`, { file, line: pos.line, column: pos.col });
    }
    const start = doc.contents?.range[0] ?? doc.range[0];
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) continue;
    out.push({ value, at: { file, line: lineCounter.linePos(start).line } });
  }
  return out;
}

/** The line of a top-level key of a YAML mapping document (for kustomization.yaml messages), or 1. */
export function keyLine(text: string, key: string): number {
  const re = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm');
  const m = re.exec(text);
  return m === null ? 1 : text.slice(0, m.index).split('\n').length;
}
