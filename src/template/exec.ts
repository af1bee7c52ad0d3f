/**
 * Walking the parse tree (Go's exec.go walk functions): text, actions, if/with/range (with
 * break/continue), template invocation, and the printing of values.
 */
import { NodeType } from './ast.ts';
import type { ListNode, Node, PipeNode, RangeNode, TemplateNode } from './ast.ts';
import { printableValue } from './builtins-escape.ts';
import { compareStrings, quote, sprint } from './fmt/index.ts';
import { derefStruct, EMPTY_INTERFACE, isInterfaceType, mapElemType, sliceElemType } from './convert.ts';
import { isStackOverflow } from './errors.ts';
import { evalCommand, evalPipeline } from './exec-eval.ts';
import { MAX_EXEC_DEPTH, MISSING, State, type Budget, type ExecEnv } from './exec-state.ts';
import { truthOf } from './exec-values.ts';
import type { Tree } from './parse.ts';
import { GoNumber, GoStruct } from './value.ts';
import type { GoValue } from './value.ts';

/** Walk results: how control leaves a node. */
const OK = 0;
const BREAK = 1;
const CONTINUE = 2;
type Status = 0 | 1 | 2;

/**
 * The state for executing `tree` with `data` as dot (reflect.ValueOf(nil) is the invalid value).
 * The caller walks the root's nodes itself (see {@link executeTree}), which keeps the JavaScript
 * stack shallow for recursive `include`s.
 */
export function newExecState(env: ExecEnv, tree: Tree, data: GoValue, budget: Budget): State {
  const s = new State(env, { out: '', budget }, tree, data === null ? undefined : data, 0, null);
  if (tree.root === null) return s.errorf(`${quote(tree.name)} is an incomplete or empty template`);
  s.at(tree.root);
  return s;
}

/** Executes `tree` with `data` as dot; returns the output. Throws TemplateError. */
export function executeTree(env: ExecEnv, tree: Tree, data: GoValue, budget: Budget): string {
  const s = newExecState(env, tree, data, budget);
  const nodes = tree.root!.nodes;
  const dot = s.vars[0]!.value;
  for (let i = 0; i < nodes.length; i++) walk(s, dot, nodes[i]!);
  return s.run.out;
}

/** Executes one node; returns how control leaves it (break/continue propagate as statuses). */
export function walk(s: State, dot: GoValue, node: Node): Status {
  s.charge(1);
  s.at(node);
  switch (node.type) {
    case NodeType.Action: {
      // Do not pop variables so they persist until next end.
      // Also, if the action declares variables, don't print the result.
      const pipe = node.pipe;
      if (pipe.decl.length !== 0) {
        evalPipeline(s, dot, pipe);
        return OK;
      }
      let val: GoValue;
      if (pipe.cmds.length === 1) {
        // evalPipeline of a single command, inlined to keep the stack shallow.
        s.at(pipe);
        val = evalCommand(s, dot, pipe.cmds[0]!, MISSING);
        if (val === null) val = undefined;
      } else {
        val = evalPipeline(s, dot, pipe);
      }
      printValue(s, node, val);
      return OK;
    }
    case NodeType.Break:
      return BREAK;
    case NodeType.Comment:
      return OK;
    case NodeType.Continue:
      return CONTINUE;
    case NodeType.If:
      return walkIfOrWith(s, false, dot, node.pipe, node.list, node.elseList);
    case NodeType.List:
      return walkList(s, dot, node.nodes);
    case NodeType.Range:
      return walkRange(s, dot, node);
    case NodeType.Template:
      walkTemplate(s, dot, node);
      return OK;
    case NodeType.Text:
      s.run.out += node.text;
      return OK;
    case NodeType.With:
      return walkIfOrWith(s, true, dot, node.pipe, node.list, node.elseList);
  }
  return s.errorf(`unknown node: ${node.toString()}`);
}

function walkList(s: State, dot: GoValue, nodes: readonly Node[]): Status {
  for (let i = 0; i < nodes.length; i++) {
    const st = walk(s, dot, nodes[i]!);
    if (st !== OK) return st;
  }
  return OK;
}

function walkIfOrWith(s: State, isWith: boolean, dot: GoValue, pipe: PipeNode, list: ListNode, elseList: ListNode | null): Status {
  const mark = s.mark();
  const val = evalPipeline(s, dot, pipe);
  let st: Status = OK;
  if (truthOf(val)) {
    if (isWith) {
      const saved = s.dotT;
      s.dotT = null;
      st = walk(s, val, list);
      s.dotT = saved;
    } else {
      st = walk(s, dot, list);
    }
  } else if (elseList !== null) {
    st = walk(s, dot, elseList);
  }
  s.pop(mark);
  return st;
}

function walkRange(s: State, dot: GoValue, r: RangeNode): Status {
  s.at(r);
  const mark0 = s.mark();
  let val = evalPipeline(s, dot, r.pipe);
  if (val instanceof GoStruct) val = derefStruct(val);
  // mark top of stack before any variables in the body are pushed.
  const mark = s.mark();
  const decl = r.pipe.decl;
  const savedT = s.dotT;

  const oneIteration = (index: GoValue, elem: GoValue, elemT: string | null): Status => {
    if (decl.length > 0) {
      if (r.pipe.isAssign) {
        // With two variables, index comes first. With one, we use the element.
        if (decl.length > 1) s.setVar(decl[0]!.ident[0]!, index);
        else s.setVar(decl[0]!.ident[0]!, elem, elemT);
      } else {
        // Set top var (lexically the second if there are two) to the element.
        s.setTopVar(1, elem, elemT);
      }
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) s.setVar(decl[1]!.ident[0]!, elem, elemT);
      else s.setTopVar(2, index); // Set next var (lexically the first if there are two) to the index.
    }
    s.dotT = elemT;
    const st = walk(s, elem, r.list);
    s.dotT = savedT;
    s.pop(mark);
    return st;
  };

  let iterated = false;
  if (Array.isArray(val)) {
    if (val.length > 0) {
      iterated = true;
      const elemT = isInterfaceType(sliceElemType(val)) ? EMPTY_INTERFACE : null;
      for (let i = 0; i < val.length; i++) {
        if (oneIteration(BigInt(i), val[i], elemT) === BREAK) break;
      }
    }
  } else if (val instanceof Uint8Array) {
    if (val.length > 0) {
      iterated = true;
      for (let i = 0; i < val.length; i++) {
        if (oneIteration(BigInt(i), new GoNumber('uint8', BigInt(val[i]!)), null) === BREAK) break;
      }
    }
  } else if (val instanceof Map) {
    if (val.size > 0) {
      iterated = true;
      const elemT = isInterfaceType(mapElemType(val)) ? EMPTY_INTERFACE : null;
      const keys = Array.from(val.keys()).sort(compareStrings);
      for (const k of keys) {
        if (oneIteration(k, val.get(k), elemT) === BREAK) break;
      }
    }
  } else if (val !== undefined) {
    s.errorf(`range can't iterate over ${sprint([val])}`);
  }
  let st: Status = OK;
  if (!iterated && r.elseList !== null) {
    st = walk(s, dot, r.elseList);
    // Go recovers a break anywhere in walkRange, including the else list.
    if (st === BREAK) st = OK;
  }
  s.pop(mark0);
  return st;
}

function walkTemplate(s: State, dot: GoValue, t: TemplateNode): void {
  s.at(t);
  const tmpl = s.env.lookup(t.name);
  if (tmpl === undefined) s.errorf(`template ${quote(t.name)} not defined`);
  if (s.depth === MAX_EXEC_DEPTH) s.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  // Variables declared by the pipeline persist.
  const newDot = evalPipeline(s, dot, t.pipe);
  // No dynamic scoping: template invocations inherit no variables.
  const ns = new State(s.env, s.run, tmpl, newDot, s.depth + 1, s.node);
  try {
    walk(ns, newDot, tmpl.root!);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    // Go's limit is 100000 nested calls; JavaScript's stack ends sooner. Report it as Go would.
    s.at(t);
    s.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  }
}

/** Writes the textual representation of a pipeline's value, as fmt.Fprint does. */
function printValue(s: State, n: Node, v: GoValue): void {
  s.at(n);
  switch (typeof v) {
    case 'string':
      s.run.out += v;
      return;
    case 'bigint':
      s.run.out += v.toString();
      return;
    case 'boolean':
      s.run.out += v ? 'true' : 'false';
      return;
  }
  s.run.out += sprint([printableValue(v)]);
}
