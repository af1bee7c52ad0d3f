/**
 * The template parser: a port of Go's text/template/parse/parse.go. `parse()` returns every tree
 * defined by a text (the top-level one plus each {{define}}/{{block}}); errors are TemplateErrors
 * with Go's exact text (`template: NAME:LINE: …`).
 */
import {
  ActionNode, BoolNode, BreakNode, ChainNode, CommandNode, CommentNode, ContinueNode, DotNode, ElseNode,
  EndNode, FieldNode, IdentifierNode, IfNode, isEmptyTree, ListNode, NilNode, NodeType, PipeNode, RangeNode,
  StringNode, TemplateNode, TextNode, VariableNode, WithNode, type Node, type TreeRef,
} from './ast.ts';
import { TemplateError } from './errors.ts';
import { ItemType, itemString, Lexer, type Item } from './lex.ts';
import { Tokens } from './parse-tokens.ts';
import { newNumber } from './parse-number.ts';
import { quote as goQuote, unquote } from './fmt/index.ts';

/** Parse modes (Go's parse.Mode flags). */
export const ParseMode = { ParseComments: 1, SkipFuncCheck: 2 } as const;

/** Reports whether a function name is defined (the set's FuncMap or the builtins). */
export type FuncCheck = (name: string) => boolean;

/** One parsed template (Go's parse.Tree). */
export class Tree implements TreeRef {
  name: string;
  parseName: string;
  root: ListNode | null = null;
  mode = 0;
  text = '';
  // Parsing only.
  private funcs: FuncCheck | null = null;
  private lex: Lexer | null = null;
  /** three-token lookahead over the lexer */
  private readonly tokens = new Tokens();
  private vars: string[] = [];
  private treeSet: Map<string, Tree> | null = null;
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(name: string, funcs: FuncCheck | null = null) {
    this.name = name;
    this.parseName = name;
    this.funcs = funcs;
  }

  // ---- errors

  errorf(msg: string): never {
    this.root = null;
    throw new TemplateError(`template: ${this.parseName}:${this.tokens.line()}: ${msg}`, 'parse', this.parseName);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.tokens.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.tokens.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- setup

  private startParse(funcs: FuncCheck | null, lex: Lexer, treeSet: Map<string, Tree>): void {
    this.root = null;
    this.lex = lex;
    this.tokens.lex = lex;
    this.vars = ['$'];
    this.funcs = funcs;
    this.treeSet = treeSet;
    lex.options = {
      emitComment: (this.mode & ParseMode.ParseComments) !== 0,
      breakOK: !this.hasFunction('break'),
      continueOK: !this.hasFunction('continue'),
    };
  }

  private stopParse(): void {
    this.lex = null;
    this.tokens.lex = null;
    this.vars = [];
    this.funcs = null;
    this.treeSet = null;
  }

  /** Parses `text` as this tree's body, adding {{define}}d trees to treeSet. */
  parseText(text: string, leftDelim: string, rightDelim: string, treeSet: Map<string, Tree>, funcs: FuncCheck | null): void {
    this.parseName = this.name;
    const lexer = new Lexer(this.name, text, leftDelim, rightDelim);
    this.startParse(funcs, lexer, treeSet);
    this.text = text;
    try {
      this.parse();
      this.add();
    } finally {
      this.stopParse();
    }
  }

  private add(): void {
    const treeSet = this.treeSet!;
    const tree = treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  private hasFunction(name: string): boolean {
    return this.funcs !== null && this.funcs(name);
  }

  private newChild(name: string): Tree {
    const t = new Tree(name);
    t.text = this.text;
    t.mode = this.mode;
    t.parseName = this.parseName;
    t.startParse(this.funcs, this.lex!, this.treeSet!);
    return t;
  }

  // ---- grammar

  private parse(): void {
    this.root = new ListNode(this, this.tokens.peek().pos);
    while (this.tokens.peek().typ !== ItemType.EOF) {
      if (this.tokens.peek().typ === ItemType.LeftDelim) {
        const delim = this.tokens.next();
        if (this.tokens.nextNonSpace().typ === ItemType.Define) {
          const newT = this.newChild('definition');
          newT.parseDefinition();
          continue;
        }
        this.tokens.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${n.toString()}`);
      this.root.append(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquoteOrError(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    this.add();
    this.stopParse();
  }

  private unquoteOrError(s: string): string {
    return unquote(s) ?? this.errorf('invalid syntax');
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this, this.tokens.peekNonSpace().pos);
    while (this.tokens.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.append(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.tokens.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return new TextNode(this, token.pos, token.val);
      case ItemType.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case ItemType.Comment:
        return new CommentNode(this, token.pos, token.val);
      default:
        return this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.tokens.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block: return this.blockControl();
      case ItemType.Break: return this.breakControl(token.pos, token.line);
      case ItemType.Continue: return this.continueControl(token.pos, token.line);
      case ItemType.Else: return this.elseControl();
      case ItemType.End: return this.endControl();
      case ItemType.If: return this.ifControl();
      case ItemType.Range: return this.rangeControl();
      case ItemType.Template: return this.templateControl();
      case ItemType.With: return this.withControl();
    }
    this.tokens.backup();
    const t = this.tokens.peek();
    return new ActionNode(this, t.pos, t.line, this.pipeline('command', ItemType.RightDelim));
  }

  private breakControl(pos: number, line: number): Node {
    const token = this.tokens.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this, pos, line);
  }

  private continueControl(pos: number, line: number): Node {
    const token = this.tokens.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this, pos, line);
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.tokens.peekNonSpace();
    const pipe = new PipeNode(this, token.pos, token.line);
    // Are there declarations or assignments?
    decls: for (;;) {
      const v = this.tokens.peekNonSpace();
      if (v.typ !== ItemType.Variable) break;
      this.tokens.next();
      // In "$x foo" we need to read "foo" (as opposed to ":=") to know that $x is an argument
      // variable rather than a declaration: remember the token after the variable to push it back.
      const tokenAfterVariable = this.tokens.peek();
      const next = this.tokens.peekNonSpace();
      if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
        pipe.isAssign = next.typ === ItemType.Assign;
        this.tokens.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === ItemType.Char && next.val === ',') {
        this.tokens.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.tokens.peekNonSpace().typ;
          if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) {
            continue decls; // second initialized variable in a range pipeline
          }
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === ItemType.Space) {
        this.tokens.backup3(v, tokenAfterVariable);
      } else {
        this.tokens.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.tokens.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool: case ItemType.CharConstant: case ItemType.Complex: case ItemType.Dot:
        case ItemType.Field: case ItemType.Identifier: case ItemType.Number: case ItemType.Nil:
        case ItemType.RawString: case ItemType.String: case ItemType.Variable: case ItemType.LeftParen:
          this.tokens.backup();
          pipe.append(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i]!.args[0]!.type) {
        case NodeType.Bool: case NodeType.Dot: case NodeType.Nil: case NodeType.Number: case NodeType.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: string): [number, number, PipeNode, ListNode, ListNode | null] {
    const varsLen = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === NodeType.Else) {
        // "else if" / "else with": parse the if/with as usual and stop at its {{end}}; the
        // subsequent {{end}} is assumed.
        if (context === 'if' && this.tokens.peek().typ === ItemType.If) {
          this.tokens.next();
          elseList = new ListNode(this, next.pos);
          elseList.append(this.ifControl());
        } else if (context === 'with' && this.tokens.peek().typ === ItemType.With) {
          this.tokens.next();
          elseList = new ListNode(this, next.pos);
          elseList.append(this.withControl());
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== NodeType.End) this.errorf(`expected end; found ${next.toString()}`);
        }
      }
      return [pipe.pos, pipe.line, pipe, list, elseList];
    } finally {
      this.vars.length = varsLen;
    }
  }

  private ifControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('if');
    return new IfNode(this, pos, line, pipe, list, elseList);
  }

  private rangeControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('range');
    return new RangeNode(this, pos, line, pipe, list, elseList);
  }

  private withControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('with');
    return new WithNode(this, pos, line, pipe, list, elseList);
  }

  private endControl(): Node {
    return new EndNode(this, this.expect(ItemType.RightDelim, 'end').pos);
  }

  private elseControl(): Node {
    const peek = this.tokens.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return new ElseNode(this, peek.pos, peek.line);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(this, token.pos, token.line);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.tokens.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = this.newChild(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end.toString()} in ${context}`);
    block.add();
    block.stopParse();
    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.tokens.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.tokens.nextNonSpace().typ !== ItemType.RightDelim) {
      this.tokens.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquoteOrError(token.val);
    return this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this, this.tokens.peekNonSpace().pos);
    for (;;) {
      this.tokens.peekNonSpace(); // skip leading spaces.
      const operand = this.operand();
      if (operand !== null) cmd.append(operand);
      const token = this.tokens.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.tokens.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.tokens.peek().typ === ItemType.Field) {
      const chain = new ChainNode(this, this.tokens.peek().pos, node);
      while (this.tokens.peek().typ === ItemType.Field) chain.add(this.tokens.next().val);
      // If the term is a field or variable, just put more fields on the original.
      switch (node.type) {
        case NodeType.Field:
          node = new FieldNode(this, chain.pos, chain.toString());
          break;
        case NodeType.Variable:
          node = new VariableNode(this, chain.pos, chain.toString());
          break;
        case NodeType.Bool: case NodeType.String: case NodeType.Number: case NodeType.Nil: case NodeType.Dot:
          return this.errorf(`unexpected . after term ${goQuote(node.toString())}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | null {
    const token = this.tokens.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if ((this.mode & ParseMode.SkipFuncCheck) === 0 && !this.hasFunction(token.val)) {
          this.errorf(`function ${goQuote(token.val)} not defined`);
        }
        return new IdentifierNode(this, token.pos, token.val);
      case ItemType.Dot:
        return new DotNode(this, token.pos);
      case ItemType.Nil:
        return new NilNode(this, token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return new FieldNode(this, token.pos, token.val);
      case ItemType.Bool:
        return new BoolNode(this, token.pos, token.val === 'true');
      case ItemType.CharConstant: case ItemType.Complex: case ItemType.Number:
        try {
          return newNumber(this, token.pos, token.val, token.typ);
        } catch (e) {
          if (e instanceof TemplateError) throw e;
          return this.errorf((e as Error).message);
        }
      case ItemType.LeftParen:
        return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String: case ItemType.RawString:
        return new StringNode(this, token.pos, token.val, this.unquoteOrError(token.val));
    }
    this.tokens.backup();
    return null;
  }

  private useVar(pos: number, name: string): Node {
    const v = new VariableNode(this, pos, name);
    if (this.vars.includes(v.ident[0]!)) return v;
    return this.errorf(`undefined variable ${goQuote(v.ident[0]!)}`);
  }
}

/**
 * Go's parse.Parse: parses `text` as template `name`, returning every tree it defines (the
 * top-level one under `name`). Throws TemplateError.
 */
export function parse(name: string, text: string, funcs: FuncCheck | null, leftDelim = '', rightDelim = '', mode = 0): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const t = new Tree(name);
  t.mode = mode;
  t.text = text;
  t.parseText(text, leftDelim, rightDelim, treeSet, funcs);
  return treeSet;
}
