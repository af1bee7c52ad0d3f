/**
 * Comparing `capstan template` output with helm's for one corpus case (../shared/charts/README.md):
 * stdout exactly, except documents from templates listed in `nondeterministicSources`, which are
 * compared in shape (same keys and value types, recursively); errors by their `Error: …` text.
 * A failure carries a unified diff of the first differing document.
 */
import { diff } from 'node:util';
import { parse } from 'yaml';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Comparison {
  pass: boolean;
  /** one line: why it failed */
  reason?: string;
  /** unified diff (`-` helm, `+` capstan) of the first differing document or error text */
  diff?: string;
}

const DEBUG_HINT = /\n\nUse --debug flag to render out invalid YAML\n?$/u;

/** stderr from the `Error:` line on, without helm's `--debug` hint (as CORPUS.json's `error`). */
export function errorText(stderr: string): string {
  const nl = stderr.indexOf('\nError: ');
  const text = stderr.startsWith('Error: ') || nl < 0 ? stderr : stderr.slice(nl + 1);
  return text.replace(DEBUG_HINT, '').replace(/\n$/u, '');
}

export interface Doc {
  /** the `# Source:` path ('' when none) */
  source: string;
  text: string;
}

/** Splits `helm template` stdout into its `---\n# Source: …` documents. */
export function splitDocs(stdout: string): Doc[] {
  const parts = stdout.split(/^---\n(?=# Source: )/mu);
  const docs: Doc[] = [];
  parts.forEach((text, i) => {
    if (i === 0 && text === '') return;
    const m = /^# Source: (.*)$/mu.exec(text);
    docs.push({ source: i === 0 || !m ? '' : m[1]!, text: i === 0 ? text : `---\n${text}` });
  });
  return docs;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** The first path where `a` and `b` differ in shape, or undefined when they have the same shape. */
export function shapeDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return `${path}: ${ta} vs ${tb}`;
  if (ta === 'array') {
    const xa = a as unknown[];
    const xb = b as unknown[];
    if (xa.length !== xb.length) return `${path}: ${xa.length} vs ${xb.length} items`;
    for (let i = 0; i < xa.length; i++) {
      const d = shapeDifference(xa[i], xb[i], `${path}[${i}]`);
      if (d) return d;
    }
  } else if (ta === 'object') {
    const oa = a as Record<string, unknown>;
    const ob = b as Record<string, unknown>;
    const ka = Object.keys(oa).sort();
    const kb = Object.keys(ob).sort();
    if (ka.join('\0') !== kb.join('\0')) return `${path}: keys [${ka.join(', ')}] vs [${kb.join(', ')}]`;
    for (const k of ka) {
      const d = shapeDifference(oa[k], ob[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return undefined;
}

function parseDoc(text: string): unknown {
  return parse(text, { uniqueKeys: false, maxAliasCount: -1, logLevel: 'silent' });
}

/** A unified diff of two texts, `-` lines from `expected` (helm), `+` from `actual` (capstan). */
export function unifiedDiff(expected: string, actual: string, opts: { context?: number; maxLines?: number; label?: string } = {}): string {
  const context = opts.context ?? 3;
  const maxLines = opts.maxLines ?? 80;
  const ops = diff(actual.split('\n'), expected.split('\n'));
  const lines: { op: ' ' | '-' | '+'; text: string; a: number; e: number }[] = [];
  let a = 0;
  let e = 0;
  let adds: typeof lines = [];
  const flush = (): void => {
    lines.push(...adds);
    adds = [];
  };
  for (const [op, text] of ops) {
    // within a change, helm's lines (-) before capstan's (+)
    if (op === 0) {
      flush();
      lines.push({ op: ' ', text, a: a++, e: e++ });
    } else if (op === 1) adds.push({ op: '+', text, a: a++, e });
    else lines.push({ op: '-', text, a, e: e++ });
  }
  flush();
  const out = [`--- helm${opts.label ? ` ${opts.label}` : ''}`, `+++ capstan${opts.label ? ` ${opts.label}` : ''}`];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.op === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // extend the hunk while changes are within 2*context of each other
    for (let j = i; j < lines.length; j++) {
      if (lines[j]!.op !== ' ') end = j;
      else if (j - end > 2 * context) break;
    }
    end = Math.min(lines.length - 1, end + context);
    const hunk = lines.slice(start, end + 1);
    const eCount = hunk.filter((l) => l.op !== '+').length;
    const aCount = hunk.filter((l) => l.op !== '-').length;
    out.push(`@@ -${hunk[0]!.e + 1},${eCount} +${hunk[0]!.a + 1},${aCount} @@`);
    for (const l of hunk) out.push(`${l.op}${l.text}`);
    i = end + 1;
    start = i;
    if (out.length > maxLines) break;
  }
  if (out.length > maxLines) return [...out.slice(0, maxLines), `… (${out.length - maxLines} more diff lines)`].join('\n');
  return out.join('\n');
}

export interface CompareOptions {
  /** `# Source:` paths whose documents are compared in shape only */
  nondeterministicSources?: readonly string[];
}

/** Compares capstan's result (`actual`) with helm's (`expected`). */
export function compareOutputs(expected: CommandOutput, actual: CommandOutput, opts: CompareOptions = {}): Comparison {
  if (expected.exitCode !== 0) {
    const want = errorText(expected.stderr);
    if (actual.exitCode === 0) {
      return { pass: false, reason: `helm failed, capstan succeeded; helm: ${want.split('\n')[0]}`, diff: unifiedDiff(want, actual.stdout.slice(0, 2000)) };
    }
    const got = errorText(actual.stderr);
    if (got === want) return { pass: true };
    return { pass: false, reason: 'different error', diff: unifiedDiff(want, got) };
  }
  if (actual.exitCode !== 0) {
    const got = errorText(actual.stderr);
    return { pass: false, reason: `capstan failed: ${got.split('\n')[0]}`, diff: unifiedDiff('', got) };
  }
  if (expected.stdout === actual.stdout) return { pass: true };

  const loose = new Set(opts.nondeterministicSources ?? []);
  const want = splitDocs(expected.stdout);
  const got = splitDocs(actual.stdout);
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined || g === undefined) {
      const extra = w ?? g!;
      return {
        pass: false,
        reason: `${want.length} documents from helm, ${got.length} from capstan`,
        diff: unifiedDiff(w?.text ?? '', g?.text ?? '', { label: extra.source }),
      };
    }
    if (w.text === g.text) continue;
    if (w.source !== g.source) {
      return { pass: false, reason: `document ${i + 1}: source ${w.source} (helm) vs ${g.source} (capstan)`, diff: unifiedDiff(w.text, g.text) };
    }
    if (loose.has(w.source)) {
      let shape: string | undefined;
      try {
        shape = shapeDifference(parseDoc(w.text), parseDoc(g.text));
      } catch (e) {
        shape = `YAML: ${(e as Error).message.split('\n')[0]}`;
      }
      if (shape === undefined) continue;
      return { pass: false, reason: `document ${i + 1} (${w.source}) differs in shape: ${shape}`, diff: unifiedDiff(w.text, g.text, { label: w.source }) };
    }
    return { pass: false, reason: `document ${i + 1} (${w.source}) differs`, diff: unifiedDiff(w.text, g.text, { label: w.source }) };
  }
  return { pass: true };
}
