/** JSON Pointers (RFC 6901): parsing, printing, reading and removing a value at a pointer in plain JSON. */

export class JsonPointerError extends Error {
  readonly code = 'InvalidPointer';
  constructor(message: string) {
    super(message);
    this.name = 'JsonPointerError';
  }
}

/** `/a/b~1c` → `['a', 'b/c']`; `''` is the whole document. */
export function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new JsonPointerError(`JSON pointer "${p}" must start with "/"`);
  return p.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/** The value at `tokens`, or undefined when the path does not exist. */
export function getAt(doc: unknown, tokens: readonly string[]): unknown {
  let cur: unknown = doc;
  for (const t of tokens) {
    if (!isContainer(cur)) return undefined;
    cur = Array.isArray(cur) ? cur[Number(t)] : cur[t];
  }
  return cur;
}

/** Removes the value at `tokens` in place; no-op when the path does not exist. */
export function removeAt(doc: unknown, tokens: readonly string[]): void {
  if (tokens.length === 0) return;
  const parent = getAt(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (Number.isInteger(i) && i >= 0 && i < parent.length) parent.splice(i, 1);
  } else if (isContainer(parent)) {
    delete (parent as Record<string, unknown>)[last];
  }
}
