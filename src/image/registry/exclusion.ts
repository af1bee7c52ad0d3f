/**
 * `exclusionList`: RE2 patterns (Go semantics, through re2js) matched anywhere in a tag, as Flux's
 * image-reflector-controller applies them; a tag matching any of them is left out of the scan. Flux's default
 * leaves out cosign signatures (`^.*\.sig$`).
 */
import { RE2JS } from 're2js';
import { ImageRegistryError } from './errors.ts';

export const DEFAULT_EXCLUSION_LIST: readonly string[] = ['^.*\\.sig$'];

/** Compiles the list; throws `InvalidExclusion` naming the entry that does not parse. */
export function compileExclusions(patterns: readonly string[], image: string): (tag: string) => boolean {
  const res = patterns.map((p, i) => {
    try {
      return RE2JS.compile(p);
    } catch (e) {
      throw new ImageRegistryError('InvalidExclusion', image,
        `exclusionList[${i}] ${JSON.stringify(p)} is not a valid regular expression: ${(e as Error).message}`, { cause: e });
    }
  });
  return (tag) => res.some((re) => re.test(tag));
}
