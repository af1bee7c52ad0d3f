/**
 * Image tag policies: choose the latest tag of a scanned image by `semver` (Masterminds ranges, Flux's version
 * rules), `alphabetical`, `numerical`, `glob` or `regex`, after an optional `filterTags` (RE2 + Go `Expand`), and
 * Flux v1's annotation forms. `glob` and `regex` (which Flux v2 lacks and Flux v1 ordered by image creation time)
 * pick the highest matching tag in natural order (digit runs by value: `v10` > `v9`), see natural-order.ts; ties
 * go to the greater tag; tags recorded as bad (`exclude`) hold back everything not strictly newer, see select.ts.
 *
 * ```ts
 * selectLatest(tags, { policy: { semver: { range: '^1.2' } } });                 // → { tag: 'v1.4.0' }
 * selectLatest(tags, { policy: { numerical: { order: 'asc' } },
 *                      filterTags: { pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts' } });
 * selectLatest(tags, 'glob:myapp-v*', { exclude: new Set(['myapp-v1.3']) });    // held back after a rollback
 * ```
 */
export type { TagPolicy, TagPolicyChoice, TagFilter, SortOrder, PolicyKind } from './types.ts';
export { policyKinds } from './types.ts';
export { PolicyError, isPolicyError, type PolicyErrorCode } from './errors.ts';
export { compilePolicy, type CompiledPolicy, type RankedTag } from './compile.ts';
export { selectLatest, type SelectOptions, type SelectedTag } from './select.ts';
export { parseFluxV1Policy, formatFluxV1Policy } from './flux-v1.ts';
export { parseTagVersion } from './rankings.ts';
export { compareNatural } from './natural-order.ts';
export { compileGlob } from './glob.ts';
export { goExpand, type MatchGroups } from './go-expand.ts';
