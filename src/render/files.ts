/**
 * engine.files: `.Files` in a template — the chart's non-template files (`map[string][]byte`) with
 * Helm's methods Get, GetBytes, Glob, Lines, AsConfig and AsSecrets.
 */
import { def, withMapType, withSliceType } from '../template/value.ts';
import type { GoMap, GoMethods, GoValue } from '../template/value.ts';
import { toYaml } from '../template/yaml/index.ts';
import { utf8Decode } from '../template/fmt/utf8.ts';
import { compileGlob } from './glob.ts';
import { pathBase } from './go-strings.ts';
import './named-types.ts';

/** A chart file as the chart loader gives it. */
export interface ChartFile {
  readonly name: string;
  readonly data: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** Go's string([]byte), in the engine's string form (invalid bytes kept as escaped raw bytes). */
function bytesToString(b: Uint8Array): string {
  return utf8Decode(b);
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** Builds the `.Files` value from the chart's files (later files with the same name win, as in Go). */
export function newFiles(from: readonly ChartFile[]): GoMap {
  const m = new Map<string, GoValue>();
  for (const f of from) m.set(f.name, f.data);
  return filesMap(m);
}

function filesMap(m: Map<string, GoValue>): GoMap {
  return withMapType(m, 'engine.files', filesMethods(m));
}

function getBytes(m: Map<string, GoValue>, name: string): Uint8Array {
  const v = m.get(name);
  return v instanceof Uint8Array ? v : EMPTY;
}

function filesMethods(m: Map<string, GoValue>): GoMethods {
  return {
    GetBytes: def(['string'], '[]uint8', ([name]) => getBytes(m, name as string)),
    Get: def(['string'], 'string', ([name]) => bytesToString(getBytes(m, name as string))),
    Glob: def(['string'], 'engine.files', ([pattern]) => {
      const g = compileGlob(pattern as string, '/') ?? compileGlob('**', '/')!;
      const nf = new Map<string, GoValue>();
      for (const [name, contents] of m) if (g.match(name)) nf.set(name, contents);
      return filesMap(nf);
    }),
    AsConfig: def([], 'string', () => {
      const out = new Map<string, GoValue>();
      for (const [k, v] of m) out.set(pathBase(k), bytesToString(v as Uint8Array));
      return toYaml(withMapType(out, 'map[string]string'));
    }),
    AsSecrets: def([], 'string', () => {
      const out = new Map<string, GoValue>();
      for (const [k, v] of m) out.set(pathBase(k), base64(v as Uint8Array));
      return toYaml(withMapType(out, 'map[string]string'));
    }),
    Lines: def(['string'], '[]string', ([path]) => {
      const v = m.get(path as string);
      if (!(v instanceof Uint8Array)) return withSliceType([], '[]string');
      let s = bytesToString(v);
      // Go indexes s[len(s)-1]: an empty file panics (a panic is reported as `error calling Lines: …`)
      if (s === '') throw new Error('runtime error: index out of range [-1]');
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return withSliceType(s.split('\n'), '[]string');
    }),
  };
}
