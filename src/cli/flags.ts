/** Helm-style flag parsing for the CLI (node:util parseArgs), with the flag names helm uses. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export const globalFlags: Options = {
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  'kube-context': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const valueFlags: Options = {
  values: { type: 'string', short: 'f', multiple: true },
  set: { type: 'string', multiple: true },
  'set-string': { type: 'string', multiple: true },
  'set-json': { type: 'string', multiple: true },
  'set-file': { type: 'string', multiple: true },
  'set-literal': { type: 'string', multiple: true },
};

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: Options): Parsed {
  try {
    const r = parseArgs({ args, options: { ...globalFlags, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^Unknown option '(.*)'.*$/s, 'unknown flag: $1'));
  }
}

export const str = (p: Parsed, k: string): string | undefined => {
  const v = p.values[k];
  return typeof v === 'string' ? v : undefined;
};
export const bool = (p: Parsed, k: string): boolean => p.values[k] === true;
export const list = (p: Parsed, k: string): string[] => {
  const v = p.values[k];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** Go's time.ParseDuration subset helm users write: 300s, 5m, 1h30m, 5m0s, 1.5h, 500ms. */
export function parseDuration(s: string): number {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 0);
    matched = re.lastIndex;
  }
  if (s === '0') return 0;
  if (matched !== s.length || s === '') throw new UsageError(`invalid argument "${s}" for "--timeout" flag: time: invalid duration "${s}"`);
  return total;
}

/**
 * pflag's stringToString, as helm's `-l/--labels k1=v1,k2=v2` reads it: each use is one CSV record (a
 * field in double quotes may hold commas), each field `key=value` split at the first `=`; repeated uses
 * add to the map, later keys win.
 */
export function stringToString(p: Parsed, k: string, shortName: string): Record<string, string> | undefined {
  const uses = list(p, k);
  if (uses.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const raw of uses) {
    for (const field of csvFields(raw)) {
      const eq = field.indexOf('=');
      if (eq < 0) throw new UsageError(`invalid argument "${raw}" for "-${shortName}, --${k}" flag: ${field} must be formatted as key=value`);
      out[field.slice(0, eq)] = field.slice(eq + 1);
    }
  }
  return out;
}

/** encoding/csv's fields of one line: commas separate, double quotes enclose, `""` is a quote inside quotes. */
function csvFields(line: string): string[] {
  if (line === '') return [];
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c === '"' && cur === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  fields.push(cur);
  return fields;
}

