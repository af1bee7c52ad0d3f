/**
 * Parsing at the boundary: every custom resource goes through its zod schema and comes out either as typed data
 * (with defaults filled in) or as a list of issues, each naming the field the way the API server names fields
 * (`spec.valuesFrom[0].kind`) with a message in the API server's words, so a condition can quote it as is.
 */
import type { z } from 'zod';

/** One problem with one field: `path` is Kubernetes-style (`spec.install.remediation.retries`, `spec.valuesFrom[1]`). */
export interface Issue {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Parses `input` with `schema`; never throws for bad input. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.map(toIssue) };
}

/** `path: message; path: message`, for a condition message or an error. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
}

/** Kubernetes field paths: struct fields as `.name`, list indexes and map keys that are not identifiers as `[key]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${String(seg)}]`;
  }
  return out;
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  return { path: fieldPath(issue.path), message: message(issue) };
}

// The API server's wording (k8s.io/apimachinery field errors): "Required value", "Unsupported value: …",
// "Invalid value: …". zod's own message is kept where it is more precise (custom checks, patterns).
function message(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'Required value' : `Invalid value: ${show(input)}: must be of type ${issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Unsupported value: ${show(input)}: must be ${show(issue.values[0])}`
        : `Unsupported value: ${show(input)}: supported values: ${issue.values.map(show).join(', ')}`;
    case 'too_small':
    case 'too_big':
      return `Invalid value: ${show(input)}: ${bound(issue)}`;
    case 'invalid_format':
    case 'custom':
      return input === undefined || typeof input === 'object' ? issue.message : `Invalid value: ${show(input)}: ${issue.message}`;
    default:
      return issue.message;
  }
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return small ? `must be at least ${limit} characters long` : `must be no more than ${limit} characters`;
    case 'array':
      return small ? `must have at least ${limit} items` : `must have at most ${limit} items`;
    default:
      return `must be ${small ? 'greater' : 'less'} than ${inclusive ? 'or equal to ' : ''}${limit}`;
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  return Array.isArray(v) ? '"array"' : `"${typeof v}"`;
}
