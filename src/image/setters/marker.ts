/**
 * `$imagepolicy` markers: a line comment after a YAML value, `# {"$imagepolicy": "<namespace>:<name>[:tag|:name|:digest]"}`
 * (Flux image-automation-controller's Setters strategy). Without a suffix the whole `image:tag` is set.
 */
import type { MarkerField } from './types.ts';

export type Marker =
  | { readonly ok: true; readonly policy: string; readonly field: MarkerField }
  | { readonly ok: false; readonly message: string };

const SUFFIX: Record<string, MarkerField> = { tag: 'tag', name: 'name', digest: 'digest' };

/**
 * Reads a comment token's source (`# {...}`). Undefined when it is not a marker at all (no `$imagepolicy`);
 * `ok: false` with the reason when it looks like one but cannot be used.
 */
export function parseMarker(comment: string): Marker | undefined {
  if (!comment.includes('$imagepolicy')) return undefined;
  const body = comment.replace(/^#\s*/, '').trim();
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { ok: false, message: `the $imagepolicy marker is not a JSON object: ${body}` };
  }
  const ref = (doc as { $imagepolicy?: unknown } | null)?.$imagepolicy;
  if (typeof ref !== 'string') return { ok: false, message: `the $imagepolicy marker must be a string "namespace:name[:tag|:name|:digest]": ${body}` };
  const parts = ref.split(':');
  const [ns = '', name = '', suffix] = parts;
  if (parts.length > 3 || ns === '' || name === '') {
    return { ok: false, message: `$imagepolicy ${JSON.stringify(ref)} is not "namespace:name[:tag|:name|:digest]"` };
  }
  if (suffix === undefined) return { ok: true, policy: `${ns}:${name}`, field: 'image' };
  const field = SUFFIX[suffix];
  if (field === undefined) return { ok: false, message: `$imagepolicy ${JSON.stringify(ref)}: unknown suffix "${suffix}" (tag, name or digest)` };
  return { ok: true, policy: `${ns}:${name}`, field };
}
