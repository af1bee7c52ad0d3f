/**
 * Sprig's path functions: Go's `path` package (base, dir, clean, ext, isAbs) and `path/filepath`
 * as built for Linux (osBase …), where the separator is '/' and the two packages agree.
 */
import { def, type FuncDef, type GoValue } from '../value.ts';

/** path.Clean. */
export function clean(path: string): string {
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const n = path.length;
  let out = rooted ? '/' : '';
  let r = rooted ? 1 : 0;
  let dotdot = rooted ? 1 : 0;
  while (r < n) {
    if (path[r] === '/') {
      r++;
    } else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) {
      r++;
    } else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      for (; r < n && path[r] !== '/'; r++) out += path[r];
    }
  }
  return out === '' ? '.' : out;
}

/** path.Base. */
export function base(path: string): string {
  if (path === '') return '.';
  while (path.length > 0 && path[path.length - 1] === '/') path = path.slice(0, -1);
  const i = path.lastIndexOf('/');
  if (i >= 0) path = path.slice(i + 1);
  return path === '' ? '/' : path;
}

/** path.Dir. */
export function dir(path: string): string {
  const i = path.lastIndexOf('/');
  return clean(path.slice(0, i + 1));
}

/** path.Ext. */
export function ext(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) {
    if (path[i] === '.') return path.slice(i);
  }
  return '';
}

/** path.IsAbs. */
export function isAbs(path: string): boolean {
  return path.startsWith('/');
}

function s(f: (p: string) => GoValue, result: string): FuncDef {
  return def(['string'], result, ([p]) => f(p as string));
}

export const pathFuncs: Record<string, FuncDef> = {
  base: s(base, 'string'),
  dir: s(dir, 'string'),
  clean: s(clean, 'string'),
  ext: s(ext, 'string'),
  isAbs: s(isAbs, 'bool'),
  osBase: s(base, 'string'),
  osClean: s(clean, 'string'),
  osDir: s(dir, 'string'),
  osExt: s(ext, 'string'),
  osIsAbs: s(isAbs, 'bool'),
};
