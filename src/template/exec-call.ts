/**
 * Function and method calls (Go's evalCall, evalArg, validateType): argument count checks, the
 * conversion of arguments to the declared Go parameter types with Go's exact errors, and the
 * wrapping of a function's error or panic as `error calling NAME: …`.
 */
import { NodeType } from './ast.ts';
import type { Node } from './ast.ts';
import { callBuiltin, truth } from './builtins.ts';
import {
  assignable, canBeNil, derefStruct, isInterfaceType, makeFloat, makeInt, normalizeType, REFLECT_VALUE, staticTypeName,
  typeKind, zeroValue,
} from './convert.ts';
import { BudgetError, isStackOverflow } from './errors.ts';
import { evalChainNode, evalFieldNode, evalFunction, evalPipeline, evalVariableNode, idealConstant } from './exec-eval.ts';
import { MISSING, type Final, type State } from './exec-state.ts';
import { GoStruct } from './value.ts';
import type { FuncDef, GoType, GoValue } from './value.ts';

/** The message of whatever a function threw (Go's safeCall turns panics into errors). */
function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Calls a function or method. `args`, if non-null, includes (in the manner of the shell) args[0]
 * as the function itself.
 */
export function evalCall(
  s: State, dot: GoValue, fn: FuncDef, isBuiltin: boolean, node: Node, name: string,
  args: readonly Node[] | null, final: Final,
): GoValue {
  // Special case for builtin and/or, which short-circuit.
  if (isBuiltin && (name === 'and' || name === 'or')) return evalAndOr(s, dot, fn, name, args, final);
  const argv = buildArgs(s, dot, fn, name, args, final);
  let v: GoValue;
  try {
    v = isBuiltin && name === 'call' ? callBuiltin(args?.[1]?.toString() ?? '', argv) : fn.fn(argv, s.funcContext());
  } catch (e) {
    return callFailed(s, node, name, e);
  }
  if (v === null) v = nilResult(fn);
  return v;
}

/** Checks the number of arguments (Go's evalCall prologue); returns the number of fixed parameters. */
function checkArgCount(s: State, fn: FuncDef, name: string, nargs: number, final: Final): number {
  const params = fn.params;
  const numIn = nargs + (final !== MISSING ? 1 : 0);
  if (fn.variadic !== undefined) {
    if (numIn < params.length) s.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${nargs}`);
    return params.length;
  }
  if (numIn !== params.length) s.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
  return nargs;
}

/** Evaluates the arguments and converts them to the parameter types. */
function buildArgs(s: State, dot: GoValue, fn: FuncDef, name: string, args: readonly Node[] | null, final: Final): GoValue[] {
  const nargs = args === null ? 0 : args.length - 1;
  const numFixed = checkArgCount(s, fn, name, nargs, final);
  const params = fn.params;
  const numIn = nargs + (final !== MISSING ? 1 : 0);
  const argv: GoValue[] = new Array<GoValue>(numIn);
  let i = 0;
  for (; i < numFixed && i < nargs; i++) argv[i] = evalArg(s, dot, params[i]!, args![i + 1]!);
  if (fn.variadic !== undefined) {
    const argType = fn.variadic;
    for (; i < nargs; i++) argv[i] = evalArg(s, dot, argType, args![i + 1]!);
  }
  if (final !== MISSING) {
    let t: GoType;
    if (fn.variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1]! : fn.variadic;
    else t = params[params.length - 1]!;
    argv[i] = validateType(s, final, t);
  }
  return argv;
}

function evalAndOr(s: State, dot: GoValue, fn: FuncDef, name: string, args: readonly Node[] | null, final: Final): GoValue {
  const nargs = args === null ? 0 : args.length - 1;
  checkArgCount(s, fn, name, nargs, final);
  let v: GoValue = undefined;
  for (let i = 1; i <= nargs; i++) {
    v = evalArg(s, dot, REFLECT_VALUE, args![i]!);
    if (truth(v) === (name === 'or')) return v;
  }
  if (final !== MISSING) v = validateType(s, final, REFLECT_VALUE);
  return v;
}

/** `error calling NAME: …` for an error result or a panic (budget and stack exhaustion pass through). */
function callFailed(s: State, node: Node, name: string, e: unknown): never {
  if (e instanceof BudgetError || isStackOverflow(e)) throw e;
  s.at(node);
  return s.errorf(`error calling ${name}: ${errorText(e)}`, e);
}

/** A nil result of a map or slice type is a typed nil map or slice (our functions may return null for them). */
function nilResult(fn: FuncDef): GoValue {
  const r = fn.result;
  if (r !== REFLECT_VALUE && !isInterfaceType(r) && canBeNil(r) && !r.startsWith('*')) return zeroValue(r);
  return null;
}

/** Go's validateType: the value must be valid and assignable to the type. */
export function validateType(s: State, value: GoValue, typ: GoType | null): GoValue {
  if (value === undefined) {
    if (typ === null) return undefined;
    if (canBeNil(typ)) return zeroValue(typ);
    return s.errorf(`invalid value; expected ${typ}`);
  }
  if (typ === null || typ === REFLECT_VALUE) return value;
  if (!assignable(value, typ)) {
    // Does one dereference work?
    if (value instanceof GoStruct && value.pointer && value.typeName === typ) return derefStruct(value);
    return s.errorf(`wrong type for value; expected ${typ}; got ${staticTypeName(value)}`);
  }
  return value;
}

/** Evaluates an argument node for a parameter of type `typ` (null: any type, unconverted). */
export function evalArg(s: State, dot: GoValue, typ: GoType | null, n: Node): GoValue {
  s.at(n);
  switch (n.type) {
    case NodeType.Dot:
      return validateType(s, dot, typ);
    case NodeType.Nil:
      if (typ !== null && canBeNil(typ)) return zeroValue(typ);
      return s.errorf(`cannot assign nil to ${typ}`);
    case NodeType.Field:
      return validateType(s, evalFieldNode(s, dot, n, [n], MISSING), typ);
    case NodeType.Variable:
      return validateType(s, evalVariableNode(s, dot, n, null, MISSING), typ);
    case NodeType.Pipe:
      return validateType(s, evalPipeline(s, dot, n), typ);
    case NodeType.Identifier:
      return validateType(s, evalFunction(s, dot, n, n, null, MISSING), typ);
    case NodeType.Chain:
      return validateType(s, evalChainNode(s, dot, n, null, MISSING), typ);
  }
  const t = normalizeType(typ ?? 'interface {}');
  switch (typeKind(t)) {
    case 'bool':
      if (n.type === NodeType.Bool) return n.value;
      return s.errorf(`expected bool; found ${n.toString()}`);
    case 'complex64': case 'complex128':
      return s.errorf(`expected complex; found ${n.toString()}`);
    case 'float32': case 'float64':
      s.at(n);
      if (n.type === NodeType.Number && n.isFloat) return makeFloat(t, n.float64);
      return s.errorf(`expected float; found ${n.toString()}`);
    case 'int':
      if (n.type === NodeType.Number && n.isInt) return makeInt(t, n.int64);
      return s.errorf(`expected integer; found ${n.toString()}`);
    case 'interface': case 'reflect.Value':
      return evalEmptyInterface(s, dot, n);
    case 'string':
      if (n.type === NodeType.String) return n.text;
      return s.errorf(`expected string; found ${n.toString()}`);
    case 'uint':
      if (n.type === NodeType.Number && n.isUint) return makeInt(t, n.uint64);
      return s.errorf(`expected unsigned integer; found ${n.toString()}`);
  }
  return s.errorf(`can't handle ${n.toString()} for arg of type ${t}`);
}

function evalEmptyInterface(s: State, dot: GoValue, n: Node): GoValue {
  s.at(n);
  switch (n.type) {
    case NodeType.Bool:
      return n.value;
    case NodeType.Dot:
      return dot;
    case NodeType.Field:
      return evalFieldNode(s, dot, n, null, MISSING);
    case NodeType.Identifier:
      return evalFunction(s, dot, n, n, null, MISSING);
    case NodeType.Nil:
      return s.errorf("evalEmptyInterface: nil (can't happen)");
    case NodeType.Number:
      return idealConstant(s, n);
    case NodeType.String:
      return n.text;
    case NodeType.Variable:
      return evalVariableNode(s, dot, n, null, MISSING);
    case NodeType.Pipe:
      return evalPipeline(s, dot, n);
  }
  return s.errorf(`can't handle assignment of ${n.toString()} to empty interface argument`);
}
