/** Go's `strings` and `path` helpers the render layer uses: the template layer's ports of them. */
import { clean } from '../template/funcs/paths.ts';

export { goTrimSpace } from '../template/funcs/strings-go.ts';
export { base as pathBase, clean as pathClean } from '../template/funcs/paths.ts';
/** Go's string comparison (bytewise on UTF-8), as sort.Strings uses: -1, 0 or 1. */
export { compareStrings as goCompare } from '../template/fmt/utf8.ts';

/** path.Join: the non-empty parts joined with `/` and cleaned; "" when all are empty. */
export function pathJoin(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '' : clean(joined);
}
