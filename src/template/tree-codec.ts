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

function arr(v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new TreeDecodeError('expected an array');
  return v;
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw new TreeDecodeError('expected a string');
  return v;
}

function num(v: unknown): number {
  if (typeof v !== 'number') throw new TreeDecodeError('expected a number');
  return v;
}

function strs(v: unknown): string[] {
  return arr(v).map(str);
}

function decodePipe(e: unknown, tr: TreeRef): PipeNode {
  const n = decodeNode(e, tr);
  if (!(n instanceof PipeNode)) throw new TreeDecodeError('expected a pipe');
  return n;
}

function decodeList(e: unknown, tr: TreeRef): ListNode {
  const n = decodeNode(e, tr);
  if (!(n instanceof ListNode)) throw new TreeDecodeError('expected a list');
  return n;
}

function decodeNode(e: unknown, tr: TreeRef): Node {
  const a = arr(e);
  const pos = num(a[1]);
  switch (a[0]) {
    case NodeType.List: {
      const n = new ListNode(tr, pos);
      for (const x of arr(a[2])) n.append(decodeNode(x, tr));
      return n;
    }
    case NodeType.Text: return new TextNode(tr, pos, typeof a[2] === 'number' ? tr.text.slice(pos, pos + a[2]) : str(a[2]));
    case NodeType.Comment: return new CommentNode(tr, pos, str(a[2]));
    case NodeType.Action: return new ActionNode(tr, pos, num(a[2]), decodePipe(a[3], tr));
    case NodeType.Bool: return new BoolNode(tr, pos, a[2] === true);
    case NodeType.Chain: {
      const n = new ChainNode(tr, pos, decodeNode(a[2], tr));
      for (const f of strs(a[3])) n.add(`.${f}`);
      return n;
    }
    case NodeType.Command: {
      const n = new CommandNode(tr, pos);
      for (const x of arr(a[2])) n.append(decodeNode(x, tr));
      return n;
    }
    case NodeType.Dot: return new DotNode(tr, pos);
    case NodeType.Nil: return new NilNode(tr, pos);
    case NodeType.Field: return new FieldNode(tr, pos, `.${strs(a[2]).join('.')}`);
    case NodeType.Identifier: return new IdentifierNode(tr, pos, str(a[2]));
    case NodeType.If: case NodeType.Range: case NodeType.With: {
      const Branch = a[0] === NodeType.If ? IfNode : a[0] === NodeType.Range ? RangeNode : WithNode;
      return new Branch(tr, pos, num(a[2]), decodePipe(a[3], tr), decodeList(a[4], tr), a[5] === null ? null : decodeList(a[5], tr));
    }
    case NodeType.Number: {
      const n = new NumberNode(tr, pos, str(a[2]));
      const flags = num(a[3]);
      n.isInt = (flags & 1) !== 0;
      n.isUint = (flags & 2) !== 0;
      n.isFloat = (flags & 4) !== 0;
      n.isComplex = (flags & 8) !== 0;
      n.int64 = BigInt(str(a[4]));
      n.uint64 = BigInt(str(a[5]));
      n.float64 = Number(str(a[6]));
      n.complexReal = Number(str(a[7]));
      n.complexImag = Number(str(a[8]));
      return n;
    }
    case NodeType.Pipe: {
      const n = new PipeNode(tr, pos, num(a[2]));
      n.isAssign = a[3] === true;
      for (const x of arr(a[4])) {
        const v = decodeNode(x, tr);
        if (!(v instanceof VariableNode)) throw new TreeDecodeError('expected a variable');
        n.decl.push(v);
      }
      for (const x of arr(a[5])) {
        const c = decodeNode(x, tr);
        if (!(c instanceof CommandNode)) throw new TreeDecodeError('expected a command');
        n.append(c);
      }
      return n;
    }
    case NodeType.String: return new StringNode(tr, pos, str(a[2]), str(a[3]));
    case NodeType.Template: return new TemplateNode(tr, pos, num(a[2]), str(a[3]), a[4] === null ? null : decodePipe(a[4], tr));
    case NodeType.Variable: return new VariableNode(tr, pos, str(a[2]));
    case NodeType.Break: return new BreakNode(tr, pos, num(a[2]));
    case NodeType.Continue: return new ContinueNode(tr, pos, num(a[2]));
    default: throw new TreeDecodeError(`unknown node type ${String(a[0])}`);
  }
}

/** The trees {@link encodeTrees} encoded, for the same `text`. Throws TreeDecodeError on foreign data. */
export function decodeTrees(data: unknown, text: string): Map<string, Tree> {
  const trees = new Map<string, Tree>();
  for (const e of arr(data)) {
    const [key, name, parseName, mode, root] = arr(e);
    const t = new Tree(str(name));
    t.parseName = str(parseName);
    t.mode = num(mode);
    t.text = text;
    const list = decodeNode(root, t);
    if (!(list instanceof ListNode)) throw new TreeDecodeError('a tree root must be a list');
    t.root = list;
    trees.set(str(key), t);
  }
  return trees;
}
