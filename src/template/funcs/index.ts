/**
 * Sprig v3.3.0's TxtFuncMap (minus `env` and `expandenv`, which Helm removes): the union of the
 * function groups. `serializationFuncs` carries Sprig's JSON functions together with Helm's
 * serialization functions (toYaml, fromJson, …). Later groups win on a name clash.
 */
import { def, GoFuncError } from '../value.ts';
import type { FuncDef } from '../value.ts';
import { stringFuncs } from './strings.ts';
import { regexFuncs } from './regex.ts';
import { encodingFuncs } from './encoding.ts';
import { conversionFuncs } from './conversion.ts';
import { defaultFuncs } from './defaults.ts';
import { reflectionFuncs } from './reflection.ts';
import { pathFuncs } from './paths.ts';
import { listFuncs } from './lists.ts';
import { dictFuncs } from './dicts.ts';
import { mathFuncs } from './math.ts';
import { randomFuncs } from './random.ts';
import { semverFuncs } from './semver.ts';
import { dateFuncs } from './date.ts';
import { urlFuncs } from './url.ts';
import { cryptoFuncs } from './crypto.ts';
import { networkFuncs } from './network.ts';
import { serializationFuncs } from './serialization.ts';

/** Sprig's own `fail` (functions.go); Helm replaces it with its wrapped version. */
const miscFuncs: Record<string, FuncDef> = {
  fail: def(['string'], 'string', ([msg]) => {
    throw new GoFuncError(msg as string);
  }, { returnsError: true }),
};

const GROUPS: readonly Readonly<Record<string, FuncDef>>[] = [
  stringFuncs,
  regexFuncs,
  encodingFuncs,
  conversionFuncs,
  defaultFuncs,
  reflectionFuncs,
  pathFuncs,
  listFuncs,
  dictFuncs,
  mathFuncs,
  randomFuncs,
  semverFuncs,
  dateFuncs,
  urlFuncs,
  cryptoFuncs,
  networkFuncs,
  serializationFuncs,
  miscFuncs,
];

/** A fresh map of every Sprig function (the caller may add or override entries). */
export function sprigFuncs(): Map<string, FuncDef> {
  const m = new Map<string, FuncDef>();
  for (const g of GROUPS) for (const [name, f] of Object.entries(g)) m.set(name, f);
  m.delete('env');
  m.delete('expandenv');
  return m;
}
