/**
 * The execution state (Go's `state` in exec.go): current template, variable stack, node for error
 * reporting, and the output shared by nested template calls; plus Go's ErrorContext.
 */
import type { Node } from './ast.ts';
import { BudgetError, TemplateError } from './errors.ts';
import { byteLength, quote } from './fmt/index.ts';
import type { Tree } from './parse.ts';
import type { FuncContext, FuncDef, GoValue } from './value.ts';

/** Go's missingkey option. */
export const MissingKey = { Invalid: 0, Zero: 1, Error: 2 } as const;
export type MissingKey = (typeof MissingKey)[keyof typeof MissingKey];

/** What the executor needs of the template set. */
export interface ExecEnv {
  lookup(name: string): Tree | undefined;
  /** user functions first, then builtins (Go's findFunction) */
  findFunction(name: string): FuncDef | undefined;
  readonly missingKey: MissingKey;
  readonly host: unknown;
}

/** The execution budget, shared by an execution and the executions nested in it (`include`). */
export interface Budget {
  /** remaining steps */
  steps: number;
  readonly maxSteps: number;
}

/** Output and budget shared by all states of one execution (nested `template` calls). */
export interface ExecRun {
  out: string;
  readonly budget: Budget;
}

/** Marks the absence of a pipeline's previous value (Go's missingVal). */
export const MISSING: unique symbol = Symbol('missing');
export type Final = GoValue | typeof MISSING;

export interface Variable {
  name: string;
  value: GoValue;
  /** static type when the value is held in an interface (range elements); null: its own type */
  t: string | null;
}

/** Go's maxExecDepth. */
export const MAX_EXEC_DEPTH = 100000;

export class State {
  readonly env: ExecEnv;
  readonly run: ExecRun;
  readonly tmpl: Tree;
  node: Node | null = null;
  vars: Variable[];
  readonly depth: number;
  /** static type of dot when it is held in an interface (a range element), else null */
  dotT: string | null = null;
  /** static type of the value the last evalField produced (null: its own type) */
  lastT: string | null = null;
  private fctx: FuncContext | null = null;

  constructor(env: ExecEnv, run: ExecRun, tmpl: Tree, dot: GoValue, depth: number, node: Node | null) {
    this.env = env;
    this.run = run;
    this.tmpl = tmpl;
    this.vars = [{ name: '$', value: dot, t: null }];
    this.depth = depth;
    this.node = node;
  }

  at(node: Node): void {
    this.node = node;
  }

  mark(): number {
    return this.vars.length;
  }

  push(name: string, value: GoValue, t: string | null = null): void {
    this.vars.push({ name, value, t });
  }

  pop(mark: number): void {
    if (this.vars.length !== mark) this.vars.length = mark;
  }

  setVar(name: string, value: GoValue, t: string | null = null): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        v.t = t;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue, t: string | null = null): void {
    const v = this.vars[this.vars.length - n]!;
    v.value = value;
    v.t = t;
  }

  findVar(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  /** Charges the execution budget. */
  charge(units: number): void {
    const b = this.run.budget;
    b.steps -= units;
    if (b.steps < 0) {
      throw new BudgetError(`template: ${this.tmpl.name}: execution budget exceeded (maxSteps=${b.maxSteps})`, this.tmpl.name);
    }
  }

  /** Go's state.errorf: `template: LOC: executing "NAME" at <NODE>: MSG`. */
  errorf(msg: string, cause?: unknown): never {
    const name = this.tmpl.name;
    let text: string;
    if (this.node === null) {
      text = `template: ${name}: ${msg}`;
    } else {
      const [location, context] = errorContext(this.node);
      text = `template: ${location}: executing ${quote(name)} at <${context}>: ${msg}`;
    }
    throw new TemplateError(text, 'exec', name, cause);
  }

  funcContext(): FuncContext {
    if (this.fctx === null) {
      const self = this;
      this.fctx = {
        templateName: this.tmpl.name,
        charge(units: number): void {
          self.charge(units);
        },
        host: this.env.host,
      };
    }
    return this.fctx;
  }
}

/** Go's Tree.ErrorContext: `NAME:LINE:COL` (COL a 0-based byte offset) and the node's text. */
export function errorContext(n: Node): [location: string, context: string] {
  const tree = n.tr;
  const text = tree.text.slice(0, n.pos);
  const nl = text.lastIndexOf('\n');
  const byteNum = nl === -1 ? byteLength(text) : byteLength(text.slice(nl + 1));
  let lineNum = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineNum++;
  return [`${tree.parseName}:${lineNum}:${byteNum}`, n.toString()];
}
