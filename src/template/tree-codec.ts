/**
 * Parse trees as JSON-able arrays and back, so that a process can start from trees an earlier one
 * parsed (the CLI's template parse store): rebuilding a tree from its encoding is several times
 * cheaper than lexing and parsing the text again, most of all in a short process whose parser has
 * not been optimised by the JIT yet.
 *
 * One encoding holds every tree a parse of one text produced ({{define}}s included). Each node is an
 * array headed by its NodeType; a node's tree is the tree it is encoded under, and the text is not
 * part of the encoding (the caller keeps it and passes it back). {@link encodeTrees} returns
 * undefined for trees it cannot represent exactly (never the case for trees `parse` builds).
 */
import {
  ActionNode, BoolNode, BreakNode, ChainNode, CommandNode, CommentNode, ContinueNode, DotNode, FieldNode, IdentifierNode,
  IfNode, ListNode, NilNode, NodeType, NumberNode, PipeNode, RangeNode, StringNode, TemplateNode, TextNode, VariableNode,
  WithNode, type Node, type TreeRef,
} from './ast.ts';
import { Tree } from './parse.ts';

/** bumped whenever the node classes or this encoding change */
export const TREE_CODEC_VERSION = 2;

type Enc = unknown[];

class NotEncodable extends Error {}

function floatText(f: number): string {
  return Object.is(f, -0) ? '-0' : String(f);
}

function encodeNode(n: Node, tr: TreeRef): Enc {
  if (n.tr !== tr) throw new NotEncodable('a node of another tree');
  // a text node is a stretch of the template text: its length is enough (and the decoded string is a slice)
  if (n.type === NodeType.Text && tr.text.startsWith(n.text, n.pos)) return [n.type, n.pos, n.text.length];
  switch (n.type) {
    case NodeType.List: return [n.type, n.pos, n.nodes.map((x) => encodeNode(x, tr))];
    case NodeType.Text: return [n.type, n.pos, n.text];
    case NodeType.Comment: return [n.type, n.pos, n.text];
    case NodeType.Action: return [n.type, n.pos, n.line, encodeNode(n.pipe, tr)];
    case NodeType.Bool: return [n.type, n.pos, n.value];
    case NodeType.Chain: return [n.type, n.pos, encodeNode(n.node, tr), n.field];
    case NodeType.Command: return [n.type, n.pos, n.args.map((x) => encodeNode(x, tr))];
    case NodeType.Dot: case NodeType.Nil: return [n.type, n.pos];
    case NodeType.Field: return [n.type, n.pos, n.ident];
    case NodeType.Identifier: return [n.type, n.pos, n.ident];
    case NodeType.If: case NodeType.Range: case NodeType.With:
      return [n.type, n.pos, n.line, encodeNode(n.pipe, tr), encodeNode(n.list, tr), n.elseList === null ? null : encodeNode(n.elseList, tr)];
    case NodeType.Number:
      return [n.type, n.pos, n.text, (n.isInt ? 1 : 0) | (n.isUint ? 2 : 0) | (n.isFloat ? 4 : 0) | (n.isComplex ? 8 : 0),
        n.int64.toString(), n.uint64.toString(), floatText(n.float64), floatText(n.complexReal), floatText(n.complexImag)];
    case NodeType.Pipe:
      return [n.type, n.pos, n.line, n.isAssign, n.decl.map((x) => encodeNode(x, tr)), n.cmds.map((x) => encodeNode(x, tr))];
    case NodeType.String: return [n.type, n.pos, n.quoted, n.text];
    case NodeType.Template: return [n.type, n.pos, n.line, n.name, n.pipe === null ? null : encodeNode(n.pipe, tr)];
    case NodeType.Variable: return [n.type, n.pos, n.ident.join('.')];
    case NodeType.Break: case NodeType.Continue: return [n.type, n.pos, n.line];
    default: throw new NotEncodable(`node type ${n.type}`);
  }
}

/**
 * The trees of one parse of `text` as JSON-able data, or undefined when one of them cannot be encoded
 * exactly (a tree of another text or mode).
 */
export function encodeTrees(trees: ReadonlyMap<string, Tree>, text: string): unknown[] | undefined {
  try {
    const out: unknown[] = [];
    for (const [key, t] of trees) {
      if (t.text !== text || t.root === null) return undefined;
      out.push([key, t.name, t.parseName, t.mode, encodeNode(t.root, t)]);
    }
    return out;
  } catch (e) {
    if (e instanceof NotEncodable) return undefined;
    throw e;
  }
}

/** thrown for data that is not an encoding of this version */
export class TreeDecodeError extends Error {
  constructor(message: string) {
    super(`template tree encoding: ${message}`);
    this.name = 'TreeDecodeError';
  }
}

function bad(what: string): never {
  throw new TreeDecodeError(`expected ${what}`);
}

// The decoder checks each field's type inline (`typeof`), without a helper call per field: it runs once per
// node in a process that has not optimised it yet, where every call counts.

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) bad('a list of strings');
  for (const x of v) if (typeof x !== 'string') bad('a string');
  return v as string[];
}

function decodeNode(e: unknown, tr: TreeRef): Node {
  if (!Array.isArray(e)) bad('a node');
  const a = e as unknown[];
  const pos = a[1];
  if (typeof pos !== 'number') bad('a position');
  switch (a[0]) {
    case NodeType.List: {
      const n = new ListNode(tr, pos);
      const items = a[2];
      if (!Array.isArray(items)) bad('a node list');
      for (const x of items) n.nodes.push(decodeNode(x, tr));
      return n;
    }
    case NodeType.Text: {
      const t = a[2];
      if (typeof t === 'number') return new TextNode(tr, pos, tr.text.slice(pos, pos + t));
      if (typeof t !== 'string') bad('text');
      return new TextNode(tr, pos, t);
    }
    case NodeType.Comment: {
      if (typeof a[2] !== 'string') bad('a comment');
      return new CommentNode(tr, pos, a[2]);
    }
    case NodeType.Action: {
      if (typeof a[2] !== 'number') bad('a line');
      return new ActionNode(tr, pos, a[2], decodePipe(a[3], tr));
    }
    case NodeType.Bool: return new BoolNode(tr, pos, a[2] === true);
    case NodeType.Chain: {
      const n = new ChainNode(tr, pos, decodeNode(a[2], tr));
      for (const f of strings(a[3])) n.field.push(f);
      return n;
    }
    case NodeType.Command: {
      const n = new CommandNode(tr, pos);
      const args = a[2];
      if (!Array.isArray(args)) bad('arguments');
      for (const x of args) n.args.push(decodeNode(x, tr));
      return n;
    }
    case NodeType.Dot: return new DotNode(tr, pos);
    case NodeType.Nil: return new NilNode(tr, pos);
    case NodeType.Field: return new FieldNode(tr, pos, `.${strings(a[2]).join('.')}`);
    case NodeType.Identifier: {
      if (typeof a[2] !== 'string') bad('an identifier');
      return new IdentifierNode(tr, pos, a[2]);
    }
    case NodeType.If: case NodeType.Range: case NodeType.With: {
      if (typeof a[2] !== 'number') bad('a line');
      const Branch = a[0] === NodeType.If ? IfNode : a[0] === NodeType.Range ? RangeNode : WithNode;
      return new Branch(tr, pos, a[2], decodePipe(a[3], tr), decodeList(a[4], tr), a[5] === null ? null : decodeList(a[5], tr));
    }
    case NodeType.Number: {
      const [, , text, flags, i64, u64, f64, re, im] = a;
      if (typeof text !== 'string' || typeof flags !== 'number' || typeof i64 !== 'string' || typeof u64 !== 'string' ||
        typeof f64 !== 'string' || typeof re !== 'string' || typeof im !== 'string') bad('a number');
      const n = new NumberNode(tr, pos, text);
      n.isInt = (flags & 1) !== 0;
      n.isUint = (flags & 2) !== 0;
      n.isFloat = (flags & 4) !== 0;
      n.isComplex = (flags & 8) !== 0;
      n.int64 = BigInt(i64);
      n.uint64 = BigInt(u64);
      n.float64 = Number(f64);
      n.complexReal = Number(re);
      n.complexImag = Number(im);
      return n;
    }
    case NodeType.Pipe: {
      if (typeof a[2] !== 'number') bad('a line');
      const n = new PipeNode(tr, pos, a[2]);
      n.isAssign = a[3] === true;
      const decl = a[4];
      const cmds = a[5];
      if (!Array.isArray(decl) || !Array.isArray(cmds)) bad('a pipeline');
      for (const x of decl) {
        const v = decodeNode(x, tr);
        if (!(v instanceof VariableNode)) bad('a variable');
        n.decl.push(v);
      }
      for (const x of cmds) {
        const c = decodeNode(x, tr);
        if (!(c instanceof CommandNode)) bad('a command');
        n.cmds.push(c);
      }
      return n;
    }
    case NodeType.String: {
      if (typeof a[2] !== 'string' || typeof a[3] !== 'string') bad('a string');
      return new StringNode(tr, pos, a[2], a[3]);
    }
    case NodeType.Template: {
      if (typeof a[2] !== 'number' || typeof a[3] !== 'string') bad('a template call');
      return new TemplateNode(tr, pos, a[2], a[3], a[4] === null ? null : decodePipe(a[4], tr));
    }
    case NodeType.Variable: {
      if (typeof a[2] !== 'string') bad('a variable');
      return new VariableNode(tr, pos, a[2]);
    }
    case NodeType.Break: case NodeType.Continue: {
      if (typeof a[2] !== 'number') bad('a line');
      return a[0] === NodeType.Break ? new BreakNode(tr, pos, a[2]) : new ContinueNode(tr, pos, a[2]);
    }
    default: throw new TreeDecodeError(`unknown node type ${String(a[0])}`);
  }
}

function decodePipe(e: unknown, tr: TreeRef): PipeNode {
  const n = decodeNode(e, tr);
  if (!(n instanceof PipeNode)) bad('a pipe');
  return n;
}

function decodeList(e: unknown, tr: TreeRef): ListNode {
  const n = decodeNode(e, tr);
  if (!(n instanceof ListNode)) bad('a list');
  return n;
}

/**
 * Decodes a tree's root when it is first read: a chart's helper files define many templates, and a render
 * usually executes only some of them (a library chart's most of all). The property becomes a plain value
 * again on first read or write.
 */
function lazyRoot(t: Tree, encoded: unknown): void {
  if (!Array.isArray(encoded) || encoded[0] !== NodeType.List) bad('a list');
  Object.defineProperty(t, 'root', {
    configurable: true,
    enumerable: true,
    get(this: Tree): ListNode | null {
      const root = decodeList(encoded, this);
      Object.defineProperty(this, 'root', { value: root, writable: true, configurable: true, enumerable: true });
      return root;
    },
    set(this: Tree, v: ListNode | null) {
      Object.defineProperty(this, 'root', { value: v, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** The trees {@link encodeTrees} encoded, for the same `text`. Throws TreeDecodeError on foreign data. */
export function decodeTrees(data: unknown, text: string): Map<string, Tree> {
  const trees = new Map<string, Tree>();
  if (!Array.isArray(data)) bad('an array of trees');
  for (const e of data as unknown[]) {
    if (!Array.isArray(e)) bad('a tree');
    const [key, name, parseName, mode, root] = e as unknown[];
    if (typeof key !== 'string' || typeof name !== 'string' || typeof parseName !== 'string' || typeof mode !== 'number') bad('a tree header');
    const t = new Tree(name);
    t.parseName = parseName;
    t.mode = mode;
    t.text = text;
    lazyRoot(t, root);
    trees.set(key, t);
  }
  return trees;
}
