/**
 * Bad tags as recorded in an annotation: comma-separated, in the order they were found bad, at most
 * `maxExcludedTags` (the oldest dropped first: the selection only needs the highest). Tags cannot contain a
 * comma, so the list needs no quoting, and people can edit it by hand.
 */

export const maxExcludedTags = 20;

/** The tags in an annotation value (empty for undefined or blank). */
export function parseExcludedTags(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
}

/** The annotation value with `tag` added (moved to the end when already there). */
export function withExcludedTag(value: string | undefined, tag: string): string {
  const tags = parseExcludedTags(value).filter((t) => t !== tag);
  tags.push(tag);
  return tags.slice(-maxExcludedTags).join(',');
}
