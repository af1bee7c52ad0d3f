/**
 * A namespace of associated templates (Go's *template.Template and its `common`): parse once,
 * execute many times. See the contract in notes/contract-templateset.md.
 */
import { isEmptyTree } from './ast.ts';
import { builtins } from './builtins.ts';
import { isStackOverflow, TemplateError } from './errors.ts';
import { executeTree, newExecState, walk } from './exec.ts';
import { MissingKey, type Budget, type ExecEnv } from './exec-state.ts';
import { quote } from './fmt/index.ts';
import type { Tree } from './parse.ts';
import { parseCached } from './parse-cache.ts';
import type { FuncDef, FuncMap, GoValue } from './value.ts';

export { TemplateError } from './errors.ts';

export interface TemplateSetOptions {
  /** Go's Option("missingkey=…"); Helm uses 'zero' (or 'error' when strict) */
  missingKey?: 'default' | 'zero' | 'error';
  /** execution budget (nodes evaluated) for one top-level execute, including nested executes; unlimited by default */
  maxSteps?: number;
  /** name of the root template, used in `no template "x" associated with template "NAME"` (default "gotpl", as Helm names it) */
  name?: string;
  /** passed to functions as FuncContext.host */
  host?: unknown;
}

interface Common {
  readonly tmpl: Map<string, Tree>;
  readonly funcs: Map<string, FuncDef>;
  readonly missingKey: MissingKey;
  readonly maxSteps: number;
  readonly name: string;
}

const MISSING_KEYS = { default: MissingKey.Invalid, zero: MissingKey.Zero, error: MissingKey.Error } as const;

/** Set by clone() for the constructor: the namespace the new set starts from. */
let cloneSource: Common | null = null;

/** The budget of the execution in progress, shared by executions nested in it (include, tpl). */
let activeBudget: Budget | null = null;

const IDENT_RE = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

export class TemplateSet {
  private readonly common: Common;
  /** Engine-specific value given to functions as FuncContext.host. */
  host: unknown;
  private readonly env: ExecEnv;

  constructor(funcs: FuncMap, options: TemplateSetOptions = {}) {
    const common = cloneSource;
    cloneSource = null;
    this.common = common ?? {
      tmpl: new Map(),
      funcs: new Map(),
      missingKey: MISSING_KEYS[options.missingKey ?? 'default'],
      maxSteps: options.maxSteps ?? Infinity,
      name: options.name ?? 'gotpl',
    };
    this.host = options.host;
    this.funcs(funcs);
    const c = this.common;
    const builtinFuncs = builtins();
    const self = this;
    this.env = {
      lookup: (name) => c.tmpl.get(name),
      findFunction: (name) => c.funcs.get(name) ?? builtinFuncs.get(name),
      missingKey: c.missingKey,
      get host(): unknown {
        return self.host;
      },
    };
  }

  /**
   * t.New(name).Parse(text): adds template `name` and every {{define}} in it. A definition with an
   * empty body (only space and comments) does not replace an existing one. Throws TemplateError.
   */
  parse(name: string, text: string): void {
    const c = this.common;
    const builtinFuncs = builtins();
    const trees = parseCached(name, text, (fn) => c.funcs.has(fn) || builtinFuncs.has(fn));
    for (const [n, tree] of trees) {
      if (c.tmpl.has(n) && isEmptyTree(tree.root)) continue;
      c.tmpl.set(n, tree);
    }
  }

  /** t.ExecuteTemplate(w, name, data): the output, or a TemplateError with Go's message. */
  execute(name: string, data: GoValue): string {
    const tree = this.common.tmpl.get(name);
    if (tree === undefined) {
      throw new TemplateError(`template: no template ${quote(name)} associated with template ${quote(this.common.name)}`, 'lookup', name);
    }
    // An execution nested in another one (include, tpl) shares its budget. It walks the root
    // here rather than in executeTree: one stack frame less for each level of recursive include.
    if (activeBudget === null) return this.executeOuter(name, tree, data);
    const s = newExecState(this.env, tree, data, activeBudget);
    const nodes = tree.root!.nodes;
    const dot = s.vars[0]!.value;
    for (let i = 0; i < nodes.length; i++) walk(s, dot, nodes[i]!);
    return s.run.out;
  }

  private executeOuter(name: string, tree: Tree, data: GoValue): string {
    activeBudget = { steps: this.common.maxSteps, maxSteps: this.common.maxSteps };
    try {
      return executeTree(this.env, tree, data, activeBudget);
    } catch (e) {
      if (isStackOverflow(e)) {
        throw new TemplateError(`template: ${name}: nesting too deep (JavaScript stack exhausted)`, 'exec', name, e);
      }
      throw e;
    } finally {
      activeBudget = null;
    }
  }

  has(name: string): boolean {
    return this.common.tmpl.has(name);
  }

  names(): string[] {
    return Array.from(this.common.tmpl.keys());
  }

  /** t.Clone(): an independent namespace with the same templates and functions. */
  clone(): TemplateSet {
    const c = this.common;
    cloneSource = {
      tmpl: new Map(c.tmpl),
      funcs: new Map(c.funcs),
      missingKey: c.missingKey,
      maxSteps: c.maxSteps,
      name: c.name,
    };
    const copy = new TemplateSet(new Map());
    copy.host = this.host;
    return copy;
  }

  /** Adds or replaces functions (Go's Funcs). */
  funcs(more: FuncMap): void {
    for (const [name, fn] of more) {
      if (!IDENT_RE.test(name)) throw new Error(`function name ${quote(name)} is not a valid identifier`);
      this.common.funcs.set(name, fn);
    }
  }
}
