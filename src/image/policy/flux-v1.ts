/**
 * Flux v1 tag filters, as written in `fluxcd.io/tag.<container>` (and `capstan.dev/tag.<container>`)
 * annotations: `glob:<pattern>`, `semver:<range>`, `regex:<pattern>` / `regexp:<pattern>`; no prefix means a
 * glob, as Flux v1's `policy.NewPattern` read it. As in Flux v1, the tag `latest` is never chosen unless the
 * filter is exactly `glob:latest`.
 *
 * Differences, on purpose: surrounding white space is trimmed (Flux v1 failed on `glob: 1.3.*`, see the
 * anchors); semver uses Flux v2's rules (`v`-prefixed strict versions); glob and regex pick the highest tag in
 * natural order instead of the newest image by creation time, which would need every image's config blob.
 */
import type { TagPolicy } from './types.ts';

const PREFIXES = ['semver:', 'regexp:', 'regex:', 'glob:'] as const;

/** Reads a Flux v1 filter; the policy compiles (and may throw) only when used. */
export function parseFluxV1Policy(annotation: string): TagPolicy {
  const text = annotation.trim();
  const prefix = PREFIXES.find((p) => text.startsWith(p));
  const body = (prefix !== undefined ? text.slice(prefix.length) : text).trim();
  switch (prefix) {
    case 'semver:':
      return { policy: { semver: { range: body } }, skipLatest: true };
    case 'regexp:':
    case 'regex:':
      return { policy: { regex: { pattern: body } }, skipLatest: true };
    default:
      return { policy: { glob: body }, skipLatest: body !== 'latest' };
  }
}

/** The annotation text for a policy parsed by parseFluxV1Policy (for messages). */
export function formatFluxV1Policy(policy: TagPolicy): string {
  const c = policy.policy;
  if (c.semver !== undefined) return `semver:${c.semver.range}`;
  if (c.regex !== undefined) return `regex:${c.regex.pattern}`;
  if (c.glob !== undefined) return `glob:${c.glob}`;
  if (c.numerical !== undefined) return `numerical:${c.numerical.order ?? 'asc'}`;
  return `alphabetical:${c.alphabetical?.order ?? 'asc'}`;
}
