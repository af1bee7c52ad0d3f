/**
 * Helm's template functions (pkg/engine funcs.go + Engine.initFunMap): Sprig minus env/expandenv,
 * Helm's serialization functions, and the engine-bound include, tpl, required, fail, lookup and
 * getHostByName.
 */
import { def, GoFuncError } from '../template/value.ts';
import type { FuncDef, GoMap, GoValue } from '../template/value.ts';
import { TemplateError, BudgetError, isStackOverflow } from '../template/errors.ts';
import type { TemplateSet } from '../template/template-set.ts';
import { parse as parseTrees } from '../template/parse.ts';
import { isEmptyTree, NodeType } from '../template/ast.ts';
import { quote } from '../template/fmt/quote.ts';
import { sprigFuncs } from '../template/funcs/index.ts';
import { warnWrap } from './render-errors.ts';
import { dnsNetworkFuncs } from '../template/funcs/network.ts';
import { serializationFuncs } from '../template/funcs/serialization.ts';

/** Helm's nesting limit for `include` of one name. */
export const RECURSION_MAX_NUMS = 1000;

/** The name Helm gives the template `tpl` parses (the engine's root template). */
export const TPL_TEMPLATE_NAME = 'gotpl';


/**
 * `lookup apiVersion kind namespace name`: a map for one object, or a list object (`items`) when
 * name is empty; an empty map when not found. Throw GoFuncError for Helm's error result.
 */
export type LookupFunc = (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;

export interface HelmFuncOptions {
  /** missingkey=error instead of zero (Helm's --strict lint) */
  strict?: boolean;
  /** lint mode: required/fail only log */
  lintMode?: boolean;
  /** keep Sprig's getHostByName (otherwise it returns "") */
  enableDNS?: boolean;
  /** a cluster-backed lookup; without it lookup returns an empty map, as in `helm template` */
  lookup?: LookupFunc;
  /** receives Helm's log lines (`[INFO] Missing required value: …`) */
  log?: (line: string) => void;
}

/** funcMap(): Sprig (without env/expandenv) plus Helm's extras and placeholders. */
export function baseFuncMap(): Map<string, FuncDef> {
  const f = new Map(sprigFuncs());
  f.delete('env');
  f.delete('expandenv');
  for (const [k, v] of Object.entries(serializationFuncs)) f.set(k, v);
  f.set('include', def(['string', 'interface {}'], 'string', () => 'not implemented'));
  f.set('tpl', def(['string', 'interface {}'], 'interface {}', () => 'not implemented'));
  f.set('required', def(['string', 'interface {}'], 'interface {}', () => 'not implemented', { returnsError: true }));
  f.set('lookup', def(['string', 'string', 'string', 'string'], 'map[string]interface {}', () => new Map<string, GoValue>(), {
    returnsError: true,
  }));
  return f;
}

/** Errors that must pass through Helm's wrapping untouched (no Go equivalent). */
function isFatal(e: unknown): boolean {
  return e instanceof BudgetError || isStackOverflow(e);
}

/** Helm's `include`, closing over the template set and the shared recursion counters. */
export function includeFunc(t: TemplateSet, includedNames: Map<string, number>): FuncDef {
  return def(['string', 'interface {}'], 'string', ([name, data]) => {
    const n = name as string;
    if (!t.has(n)) {
      // t.ExecuteTemplate on Helm's root template, which is named "gotpl"
      throw new GoFuncError(`template: no template ${quote(n)} associated with template ${quote(TPL_TEMPLATE_NAME)}`);
    }
    const v = includedNames.get(n);
    if (v !== undefined) {
      if (v > RECURSION_MAX_NUMS) {
        throw new GoFuncError(`rendering template has a nested reference name: ${n}: unable to execute template`);
      }
      includedNames.set(n, v + 1);
    } else {
      includedNames.set(n, 1);
    }
    try {
      return t.execute(n, data);
    } finally {
      includedNames.set(n, (includedNames.get(n) ?? 1) - 1);
    }
  }, { returnsError: true });
}

/** Helm's `tpl`: clone the set, re-bind include/tpl to the clone, parse as "gotpl", execute. */
export function tplFunc(parent: TemplateSet, includedNames: Map<string, number>, strict: boolean): FuncDef {
  return def(['string', 'interface {}'], 'string', ([text, vals]) => {
    const src = text as string;
    const t = parent.clone();
    const nested = t.has(TPL_TEMPLATE_NAME);
    t.funcs(new Map([
      ['include', includeFunc(t, includedNames)],
      ['tpl', tplFunc(t, includedNames, strict)],
    ]));
    try {
      t.parse(TPL_TEMPLATE_NAME, src);
    } catch (e) {
      if (isFatal(e) || !(e instanceof TemplateError)) throw e;
      throw new GoFuncError(`cannot parse template ${quote(src)}: ${e.message}`);
    }
    if (nested) {
      // Go executes the template object it just parsed. When the enclosing tpl already defined
      // "gotpl" and this text's main template is empty (blanks/comments), Go keeps the old "gotpl" in
      // the set but still executes the new, empty one: its output is its blank text.
      const blank = blankTemplateOutput(src);
      if (blank !== undefined) return blank;
    }
    let out: string;
    try {
      out = t.execute(TPL_TEMPLATE_NAME, vals);
    } catch (e) {
      if (isFatal(e) || !(e instanceof TemplateError)) throw e;
      throw new GoFuncError(`error during tpl function execution for ${quote(src)}: ${e.message}`);
    }
    return out.replaceAll('<no value>', '');
  }, { returnsError: true });
}

/** The output of `text`'s main template when that template is empty (parse.IsEmptyTree), else undefined. */
function blankTemplateOutput(text: string): string | undefined {
  // (already parsed successfully into the set; function names need no second check)
  const main = parseTrees(TPL_TEMPLATE_NAME, text, () => true).get(TPL_TEMPLATE_NAME);
  if (main === undefined || !isEmptyTree(main.root)) return undefined;
  let out = '';
  for (const n of main.root?.nodes ?? []) if (n.type === NodeType.Text) out += n.text;
  return out;
}

/** Engine.initFunMap: the function map bound to template set `t`. */
export function engineFuncMap(t: TemplateSet, opts: HelmFuncOptions = {}): Map<string, FuncDef> {
  const f = baseFuncMap();
  const includedNames = new Map<string, number>();
  const log = opts.log ?? (() => {});
  f.set('include', includeFunc(t, includedNames));
  f.set('tpl', tplFunc(t, includedNames, opts.strict ?? false));
  f.set('required', def(['string', 'interface {}'], 'interface {}', ([warn, val]) => {
    if (val === null || val === undefined || val === '') {
      if (opts.lintMode) {
        log(`[INFO] Missing required value: ${warn as string}`);
        return '';
      }
      throw new GoFuncError(warnWrap(warn as string));
    }
    return val;
  }, { returnsError: true }));
  f.set('fail', def(['string'], 'string', ([msg]) => {
    if (opts.lintMode) {
      log(`[INFO] Fail: ${msg as string}`);
      return '';
    }
    throw new GoFuncError(warnWrap(msg as string));
  }, { returnsError: true }));
  if (!opts.lintMode && opts.lookup) {
    const lookup = opts.lookup;
    f.set('lookup', def(['string', 'string', 'string', 'string'], 'map[string]interface {}', ([a, k, ns, n]) =>
      lookup(a as string, k as string, ns as string, n as string), { returnsError: true }));
  }
  if (opts.enableDNS) {
    for (const [k, v] of Object.entries(dnsNetworkFuncs)) f.set(k, v);
  } else {
    f.set('getHostByName', def(['string'], 'string', () => ''));
  }
  return f;
}
