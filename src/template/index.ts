/**
 * The template engine's public API: Go's text/template over the GoValue model.
 */
export { TemplateSet } from './template-set.ts';
export type { TemplateSetOptions } from './template-set.ts';
export { TemplateError, BudgetError, isStackOverflow } from './errors.ts';
export type { TemplateErrorKind } from './errors.ts';
export { builtins } from './builtins.ts';
export { htmlEscapeString, jsEscapeString, urlQueryEscape } from './builtins-escape.ts';
export { registerNamedType } from './convert.ts';
export { parse, Tree } from './parse.ts';
export { setParseStore, type ParseStore } from './parse-cache.ts';
export { encodeTrees, decodeTrees, TREE_CODEC_VERSION } from './tree-codec.ts';
export { NodeType } from './ast.ts';
export type { Node } from './ast.ts';
export * from './value.ts';
