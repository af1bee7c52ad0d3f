/**
 * Evaluation of pipelines, commands, fields, variables and constants (Go's exec.go eval functions).
 */
import { NodeType } from './ast.ts';
import type { ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, VariableNode } from './ast.ts';
import { EMPTY_INTERFACE, isInterfaceType, mapElemType, zeroValue } from './convert.ts';
import { isBuiltinFunc } from './builtins.ts';
import { evalArg, evalCall } from './exec-call.ts';
import { MISSING, MissingKey, type Final, type State } from './exec-state.ts';
import { quote, sprint } from './fmt/index.ts';
import { GoStruct, typeName, valueMethods } from './value.ts';
import type { FuncDef, GoValue } from './value.ts';

/**
 * Evaluates a pipeline; declared variables are pushed (or assigned). The result is the value of
 * the last command, with a nil interface turned into "no value" as Go's Elem() of an interface does.
 */
export function evalPipeline(s: State, dot: GoValue, pipe: PipeNode | null): GoValue {
  if (pipe === null) return undefined;
  s.at(pipe);
  const cmds = pipe.cmds;
  let value: Final = MISSING;
  for (let i = 0; i < cmds.length; i++) {
    value = evalCommand(s, dot, cmds[i]!, value);
    // A value of type interface{} is unwrapped: a nil interface becomes the invalid value.
    if (value === null) value = undefined;
  }
  if (pipe.decl.length > 0) declare(s, pipe, value as GoValue);
  return value as GoValue;
}

function declare(s: State, pipe: PipeNode, v: GoValue): void {
  for (const variable of pipe.decl) {
    if (pipe.isAssign) s.setVar(variable.ident[0]!, v);
    else s.push(variable.ident[0]!, v);
  }
}

function notAFunction(s: State, args: readonly Node[] | null, final: Final): void {
  if ((args !== null && args.length > 1) || final !== MISSING) {
    s.errorf(`can't give argument to non-function ${args![0]!.toString()}`);
  }
}

export function evalCommand(s: State, dot: GoValue, cmd: CommandNode, final: Final): GoValue {
  s.charge(1);
  const firstWord = cmd.args[0]!;
  switch (firstWord.type) {
    case NodeType.Field:
      return evalFieldNode(s, dot, firstWord, cmd.args, final);
    case NodeType.Chain:
      return evalChainNode(s, dot, firstWord, cmd.args, final);
    case NodeType.Identifier: {
      // evalFunction, inlined to keep the stack shallow for recursive includes.
      s.at(firstWord);
      const fn = s.env.findFunction(firstWord.ident) ?? notDefined(s, firstWord.ident);
      return evalCall(s, dot, fn, isBuiltinFunc(fn), cmd, firstWord.ident, cmd.args, final);
    }
    case NodeType.Pipe:
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, firstWord);
    case NodeType.Variable:
      return evalVariableNode(s, dot, firstWord, cmd.args, final);
  }
  return evalConstCommand(s, dot, firstWord, cmd, final);
}

function notDefined(s: State, name: string): never {
  return s.errorf(`${quote(name)} is not a defined function`);
}

function evalConstCommand(s: State, dot: GoValue, firstWord: Node, cmd: CommandNode, final: Final): GoValue {
  s.at(firstWord);
  notAFunction(s, cmd.args, final);
  switch (firstWord.type) {
    case NodeType.Bool:
      return firstWord.value;
    case NodeType.Dot:
      return dot;
    case NodeType.Nil:
      return s.errorf('nil is not a command');
    case NodeType.Number:
      return idealConstant(s, firstWord);
    case NodeType.String:
      return firstWord.text;
  }
  return s.errorf(`can't evaluate command ${quote(firstWord.toString())}`);
}

/**
 * There is no complex type in the GoValue model: a complex constant becomes the text fmt prints
 * for it (`(0+1i)`), which is what printing it produces.
 */
function complexString(re: number, im: number): string {
  const i = sprint([im]);
  return `(${sprint([re])}${i.startsWith('-') ? '' : '+'}${i}i)`;
}

function isHexInt(t: string): boolean {
  return t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
}

/** A number in a context without a type: float64 if it looks like one, else int. */
export function idealConstant(s: State, constant: NumberNode): GoValue {
  s.at(constant);
  if (constant.isComplex) return complexString(constant.complexReal, constant.complexImag);
  if (constant.isFloat && !isHexInt(constant.text) && constant.text[0] !== "'" && /[.eEpP]/.test(constant.text)) {
    return constant.float64;
  }
  if (constant.isInt) return constant.int64;
  if (constant.isUint) return s.errorf(`${constant.text} overflows int`);
  return undefined;
}

export function evalFieldNode(s: State, dot: GoValue, field: FieldNode, args: readonly Node[] | null, final: Final): GoValue {
  s.at(field);
  return evalFieldChain(s, dot, dot, s.dotT, field, field.ident, args, final);
}

export function evalChainNode(s: State, dot: GoValue, chain: ChainNode, args: readonly Node[] | null, final: Final): GoValue {
  s.at(chain);
  if (chain.field.length === 0) s.errorf('internal error: no fields in evalChainNode');
  if (chain.node.type === NodeType.Nil) s.errorf(`indirection through explicit nil in ${chain.toString()}`);
  // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
  const pipe = evalArg(s, dot, null, chain.node);
  let t: string | null = null;
  if (chain.node.type === NodeType.Identifier) {
    const f = s.env.findFunction(chain.node.ident);
    if (f !== undefined && isInterfaceType(f.result)) t = EMPTY_INTERFACE;
  }
  return evalFieldChain(s, dot, pipe, t, chain, chain.field, args, final);
}

export function evalVariableNode(s: State, dot: GoValue, variable: VariableNode, args: readonly Node[] | null, final: Final): GoValue {
  // $x.Field has $x as the first ident, Field as the second. Eval the var, then the fields.
  s.at(variable);
  const v = s.findVar(variable.ident[0]!);
  if (variable.ident.length === 1) {
    notAFunction(s, args, final);
    return v.value;
  }
  return evalFieldChain(s, dot, v.value, v.t, variable, variable.fields, args, final);
}

/** Evaluates .X.Y.Z (possibly followed by arguments for a final method) on `receiver`. */
function evalFieldChain(
  s: State, dot: GoValue, receiver: GoValue, recvT: string | null, node: Node, ident: readonly string[],
  args: readonly Node[] | null, final: Final,
): GoValue {
  const n = ident.length;
  for (let i = 0; i < n - 1; i++) {
    receiver = evalField(s, dot, ident[i]!, node, null, MISSING, receiver, recvT);
    recvT = s.lastT;
  }
  return evalField(s, dot, ident[n - 1]!, node, args, final, receiver, recvT);
}

export function evalFunction(s: State, dot: GoValue, node: IdentifierNode, cmd: Node, args: readonly Node[] | null, final: Final): GoValue {
  s.at(node);
  const fn = s.env.findFunction(node.ident) ?? notDefined(s, node.ident);
  return evalCall(s, dot, fn, isBuiltinFunc(fn), cmd, node.ident, args, final);
}

function methodOf(receiver: GoValue, name: string): FuncDef | undefined {
  let methods;
  if (receiver instanceof GoStruct) methods = receiver.methods;
  else if (receiver instanceof Map || Array.isArray(receiver)) methods = valueMethods(receiver);
  if (methods !== undefined && Object.hasOwn(methods, name)) return methods[name];
  return undefined;
}

/**
 * Evaluates .Field on `receiver` (a map key, struct field or method). `recvT` is the receiver's
 * static type when it is held in an interface. Sets s.lastT to the result's static type.
 */
function evalField(
  s: State, dot: GoValue, fieldName: string, node: Node, args: readonly Node[] | null, final: Final,
  receiver: GoValue, recvT: string | null,
): GoValue {
  s.lastT = null;
  if (receiver === undefined) {
    if (s.env.missingKey === MissingKey.Error) s.errorf(`nil data; no entry for key ${quote(fieldName)}`);
    return undefined;
  }
  const typ = recvT ?? (receiver === null ? EMPTY_INTERFACE : typeName(receiver));
  if (receiver === null) {
    // Calling a method on a nil interface can't work.
    return s.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
  }
  const method = methodOf(receiver, fieldName);
  if (method !== undefined) {
    const v = evalCall(s, dot, method, false, node, fieldName, args, final);
    if (isInterfaceType(method.result)) s.lastT = EMPTY_INTERFACE;
    return v;
  }
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  if (receiver instanceof GoStruct) {
    if (receiver.fields.has(fieldName)) {
      if (hasArgs) s.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      return receiver.fields.get(fieldName);
    }
  } else if (receiver instanceof Map) {
    if (hasArgs) s.errorf(`${fieldName} is not a method but has arguments`);
    const elemT = mapElemType(receiver);
    if (isInterfaceType(elemT)) s.lastT = EMPTY_INTERFACE;
    if (receiver.has(fieldName)) return receiver.get(fieldName);
    switch (s.env.missingKey) {
      case MissingKey.Invalid:
        return undefined;
      case MissingKey.Zero:
        return zeroValue(elemT);
      default:
        return s.errorf(`map has no entry for key ${quote(fieldName)}`);
    }
  }
  return s.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
}
