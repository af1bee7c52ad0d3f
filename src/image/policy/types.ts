/**
 * The shape of an image policy, structurally the same as `ImagePolicySpec` in src/api/image (which this layer may
 * not import): one ordering choice, an optional tag filter, and Flux v1's "never `latest`" rule for policies
 * written as annotations.
 */

/** `asc` (the default) picks the highest value, `desc` the lowest, as in Flux's ImagePolicy. */
export type SortOrder = 'asc' | 'desc';

/** Exactly one field set. */
export interface TagPolicyChoice {
  /** the highest tag that is a semantic version in the range (Masterminds rules) */
  readonly semver?: { readonly range: string } | undefined;
  /** the highest (`asc`) or lowest (`desc`) tag in byte order */
  readonly alphabetical?: { readonly order?: SortOrder | undefined } | undefined;
  /** the highest (`asc`) or lowest (`desc`) tag read as a decimal number; other tags are skipped */
  readonly numerical?: { readonly order?: SortOrder | undefined } | undefined;
  /** tags matching the glob (whole tag), highest in natural order (see natural-order.ts) */
  readonly glob?: string | undefined;
  /** tags the RE2 pattern matches (anywhere), highest in natural order of `extract` (default: the whole tag) */
  readonly regex?: { readonly pattern: string; readonly extract?: string | undefined } | undefined;
}

/** Flux's `filterTags`: keep the tags the RE2 `pattern` matches; the policy then orders `extract`'s expansion. */
export interface TagFilter {
  readonly pattern: string;
  readonly extract?: string | undefined;
}

export interface TagPolicy {
  readonly policy: TagPolicyChoice;
  readonly filterTags?: TagFilter | undefined;
  /**
   * Flux v1: the tag `latest` (any case) is never chosen unless the policy is exactly `glob:latest`. Set by
   * `parseFluxV1Policy`; off for ImagePolicy objects.
   */
  readonly skipLatest?: boolean | undefined;
}

export const policyKinds = ['semver', 'alphabetical', 'numerical', 'glob', 'regex'] as const;
export type PolicyKind = (typeof policyKinds)[number];
