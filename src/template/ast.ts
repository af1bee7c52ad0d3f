/**
 * Parse-tree nodes: a port of Go's text/template/parse/node.go. Every node knows its position (a
 * UTF-16 index into the tree's text) and its tree, and prints itself back as canonical template
 * source exactly as Go's Node.String() does (used in `executing "x" at <NODE>` error messages).
 */
import { quote as goQuote } from './fmt/index.ts';

export const NodeType = {
  Text: 0,
  Action: 1,
  Bool: 2,
  Chain: 3,
  Command: 4,
  Dot: 5,
  Else: 6,
  End: 7,
  Field: 8,
  Identifier: 9,
  If: 10,
  List: 11,
  Nil: 12,
  Number: 13,
  Pipe: 14,
  Range: 15,
  String: 16,
  Template: 17,
  Variable: 18,
  With: 19,
  Comment: 20,
  Break: 21,
  Continue: 22,
} as const;
export type NodeType = (typeof NodeType)[keyof typeof NodeType];

/** What a node needs of its tree: the text it was parsed from and the name for error locations. */
export interface TreeRef {
  readonly name: string;
  readonly parseName: string;
  readonly text: string;
}

export type Node =
  | ListNode | TextNode | CommentNode | PipeNode | ActionNode | CommandNode | IdentifierNode
  | VariableNode | DotNode | NilNode | FieldNode | ChainNode | BoolNode | NumberNode | StringNode
  | EndNode | ElseNode | IfNode | RangeNode | WithNode | BreakNode | ContinueNode | TemplateNode;

abstract class BaseNode {
  readonly tr: TreeRef;
  readonly pos: number;
  constructor(tr: TreeRef, pos: number) {
    this.tr = tr;
    this.pos = pos;
  }
  abstract toString(): string;
}

/** A node that also records the line it started on (for `{{else}}`, `{{break}}` and error locations). */
abstract class LineNode extends BaseNode {
  readonly line: number;
  constructor(tr: TreeRef, pos: number, line: number) {
    super(tr, pos);
    this.line = line;
  }
}

export class ListNode extends BaseNode {
  readonly type = NodeType.List;
  readonly nodes: Node[] = [];
  append(n: Node): void {
    this.nodes.push(n);
  }
  toString(): string {
    let s = '';
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

export class TextNode extends BaseNode {
  readonly type = NodeType.Text;
  readonly text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  readonly type = NodeType.Comment;
  readonly text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
  }
  toString(): string {
    return '{{' + this.text + '}}';
  }
}

export class PipeNode extends LineNode {
  readonly type = NodeType.Pipe;
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  append(c: CommandNode): void {
    this.cmds.push(c);
  }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) {
      s = this.decl.map((v) => v.toString()).join(', ');
      s += this.isAssign ? ' = ' : ' := ';
    }
    for (let i = 0; i < this.cmds.length; i++) {
      if (i > 0) s += ' | ';
      s += this.cmds[i]!.toString();
    }
    return s;
  }
}

export class ActionNode extends LineNode {
  readonly type = NodeType.Action;
  readonly pipe: PipeNode;
  constructor(tr: TreeRef, pos: number, line: number, pipe: PipeNode) {
    super(tr, pos, line);
    this.pipe = pipe;
  }
  toString(): string {
    return '{{' + this.pipe.toString() + '}}';
  }
}

export class CommandNode extends BaseNode {
  readonly type = NodeType.Command;
  readonly args: Node[] = [];
  append(n: Node): void {
    this.args.push(n);
  }
  toString(): string {
    let s = '';
    for (let i = 0; i < this.args.length; i++) {
      if (i > 0) s += ' ';
      const a = this.args[i]!;
      s += a.type === NodeType.Pipe ? '(' + a.toString() + ')' : a.toString();
    }
    return s;
  }
}

export class IdentifierNode extends BaseNode {
  readonly type = NodeType.Identifier;
  readonly ident: string;
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident;
  }
  toString(): string {
    return this.ident;
  }
}

/** A variable (`$x`, `$x.f.g`); the dollar sign is part of the first name. */
export class VariableNode extends BaseNode {
  readonly type = NodeType.Variable;
  readonly ident: string[];
  /** ident without the variable name: the fields applied to it */
  readonly fields: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.split('.');
    this.fields = this.ident.slice(1);
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class DotNode extends BaseNode {
  readonly type = NodeType.Dot;
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  readonly type = NodeType.Nil;
  toString(): string {
    return 'nil';
  }
}

/** A field chain `.a.b`; the leading periods are dropped from the idents. */
export class FieldNode extends BaseNode {
  readonly type = NodeType.Field;
  readonly ident: string[];
  constructor(tr: TreeRef, pos: number, ident: string) {
    super(tr, pos);
    this.ident = ident.slice(1).split('.');
  }
  toString(): string {
    let s = '';
    for (const id of this.ident) s += '.' + id;
    return s;
  }
}

/** A term followed by field accesses: `(pipeline).a.b`, `fn.a`. */
export class ChainNode extends BaseNode {
  readonly type = NodeType.Chain;
  readonly node: Node;
  readonly field: string[] = [];
  constructor(tr: TreeRef, pos: number, node: Node) {
    super(tr, pos);
    this.node = node;
  }
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    const f = field.slice(1);
    if (f === '') throw new Error('empty field');
    this.field.push(f);
  }
  toString(): string {
    let s = this.node.type === NodeType.Pipe ? '(' + this.node.toString() + ')' : this.node.toString();
    for (const f of this.field) s += '.' + f;
    return s;
  }
}

export class BoolNode extends BaseNode {
  readonly type = NodeType.Bool;
  readonly value: boolean;
  constructor(tr: TreeRef, pos: number, value: boolean) {
    super(tr, pos);
    this.value = value;
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric constant, stored under every type that can represent it (Go's ideal constants). */
export class NumberNode extends BaseNode {
  readonly type = NodeType.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  complexReal = 0;
  complexImag = 0;
  readonly text: string;
  constructor(tr: TreeRef, pos: number, text: string) {
    super(tr, pos);
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  readonly type = NodeType.String;
  /** the original text, with quotes */
  readonly quoted: string;
  /** the string after unquoting */
  readonly text: string;
  constructor(tr: TreeRef, pos: number, quoted: string, text: string) {
    super(tr, pos);
    this.quoted = quoted;
    this.text = text;
  }
  toString(): string {
    return this.quoted;
  }
}

/** `{{end}}`; never part of a finished tree. */
export class EndNode extends BaseNode {
  readonly type = NodeType.End;
  toString(): string {
    return '{{end}}';
  }
}

/** `{{else}}`; never part of a finished tree. */
export class ElseNode extends LineNode {
  readonly type = NodeType.Else;
  toString(): string {
    return '{{else}}';
  }
}

abstract class BranchNode extends LineNode {
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
  constructor(tr: TreeRef, pos: number, line: number, pipe: PipeNode, list: ListNode, elseList: ListNode | null) {
    super(tr, pos, line);
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  protected branchString(name: string): string {
    let s = '{{' + name + ' ' + this.pipe.toString() + '}}' + this.list.toString();
    if (this.elseList !== null) s += '{{else}}' + this.elseList.toString();
    return s + '{{end}}';
  }
}

export class IfNode extends BranchNode {
  readonly type = NodeType.If;
  toString(): string {
    return this.branchString('if');
  }
}

export class RangeNode extends BranchNode {
  readonly type = NodeType.Range;
  toString(): string {
    return this.branchString('range');
  }
}

export class WithNode extends BranchNode {
  readonly type = NodeType.With;
  toString(): string {
    return this.branchString('with');
  }
}

export class BreakNode extends LineNode {
  readonly type = NodeType.Break;
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends LineNode {
  readonly type = NodeType.Continue;
  toString(): string {
    return '{{continue}}';
  }
}

export class TemplateNode extends LineNode {
  readonly type = NodeType.Template;
  readonly name: string;
  readonly pipe: PipeNode | null;
  constructor(tr: TreeRef, pos: number, line: number, name: string, pipe: PipeNode | null) {
    super(tr, pos, line);
    this.name = name;
    this.pipe = pipe;
  }
  toString(): string {
    return '{{template ' + goQuote(this.name) + (this.pipe ? ' ' + this.pipe.toString() : '') + '}}';
  }
}

/** Go's parse.IsEmptyTree: a tree with only space and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case NodeType.Comment:
      return true;
    case NodeType.List:
      return n.nodes.every(isEmptyTree);
    case NodeType.Text:
      return GO_SPACE_ONLY.test(n.text);
    case NodeType.Action: case NodeType.If: case NodeType.Range: case NodeType.Template: case NodeType.With:
      return false;
    default:
      throw new Error('unknown node: ' + n.toString());
  }
}

/** bytes.TrimSpace(x) is empty: only Unicode White_Space (Go's unicode.IsSpace). */
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;
