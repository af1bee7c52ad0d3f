/**
 * User-supplied values as `helm template/install` combine them (pkg/cli/values options.go):
 * `-f` files merged in order, then `--set-json`, `--set`, `--set-string`, `--set-file`,
 * `--set-literal`, each kind in its given order.
 */

import { mergeMaps } from './coalesce.ts';
import { parseInto, parseIntoFile, parseIntoString, parseJson } from './strvals.ts';
import { parseLiteralInto } from './strvals-literal.ts';
import type { Values } from './values.ts';
import { parseValuesYaml, type YamlOptions } from './yaml-values.ts';

export interface ValueSources {
  /** `-f/--values`: file name (for messages) and content */
  readonly valueFiles?: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  /** `--set-json` */
  readonly jsonValues?: readonly string[];
  /** `--set` */
  readonly values?: readonly string[];
  /** `--set-string` */
  readonly stringValues?: readonly string[];
  /** `--set-file` (paths are resolved by `readFile`) */
  readonly fileValues?: readonly string[];
  /** `--set-literal` */
  readonly literalValues?: readonly string[];
}

export interface MergeValueOptions extends YamlOptions {
  /** Reads a `--set-file` path; throw an Error worded as Go's (`open x: no such file or directory`). */
  readonly readFile?: (path: string) => string;
}

export class ValuesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValuesError';
  }
}

/** values.Options.MergeValues. */
export function mergeValueSources(src: ValueSources, opts: MergeValueOptions = {}): Values {
  let base: Values = new Map();
  for (const f of src.valueFiles ?? []) {
    let current: Values;
    try {
      current = parseValuesYaml(f.text, f.name, opts);
    } catch (e) {
      throw new ValuesError(`failed to parse ${f.name}: ${(e as Error).message}`);
    }
    base = mergeMaps(base, current);
  }
  for (const value of src.jsonValues ?? []) {
    try {
      parseJson(value, base);
    } catch {
      throw new ValuesError(`failed parsing --set-json data ${value}`);
    }
  }
  const each = (list: readonly string[] | undefined, flag: string, fn: (s: string) => void) => {
    for (const value of list ?? []) {
      try {
        fn(value);
      } catch (e) {
        throw new ValuesError(`failed parsing ${flag} data: ${(e as Error).message}`);
      }
    }
  };
  each(src.values, '--set', (v) => parseInto(v, base));
  each(src.stringValues, '--set-string', (v) => parseIntoString(v, base));
  each(src.fileValues, '--set-file', (v) =>
    parseIntoFile(v, base, (rs) => {
      if (!opts.readFile) throw new Error(`open ${rs}: no such file or directory`);
      return opts.readFile(rs);
    }),
  );
  each(src.literalValues, '--set-literal', (v) => parseLiteralInto(v, base));
  return base;
}
