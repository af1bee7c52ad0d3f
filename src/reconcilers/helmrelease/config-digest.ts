/**
 * Digests that tell whether a release is what the HelmRelease asks for: the values (Flux's
 * `chartutil.DigestValues`: sha256 of the canonical JSON, keys sorted, as Go's encoding/json writes maps), and
 * the post-render settings.
 */
import { createHash } from 'node:crypto';
import { marshal } from '@capstan/gojson';
import type { JsonMap } from '../../release/index.ts';

const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** `sha256:<hex>` of the values; a plain object from storage and the equal Values map digest the same. */
export function configDigest(values: JsonMap | null | undefined): string {
  return sha256(marshal(values ?? {}));
}

/** `sha256:<hex>` of any JSON-like value (postRenderers + commonMetadata), or undefined when there is none. */
export function settingsDigest(v: unknown): string | undefined {
  if (v === undefined || (Array.isArray(v) && v.length === 0)) return undefined;
  return sha256(marshal(v));
}

/**
 * The value of the release records' post-render label: 40 hex of the digest of postRenderers and
 * commonMetadata (a label value holds at most 63 characters), or '' when the spec has neither.
 */
export function postRenderDigest(spec: { postRenderers?: unknown[] | undefined; commonMetadata?: unknown }): string {
  if ((spec.postRenderers === undefined || spec.postRenderers.length === 0) && spec.commonMetadata === undefined) return '';
  const d = settingsDigest({ postRenderers: spec.postRenderers ?? [], commonMetadata: spec.commonMetadata ?? {} });
  return d === undefined ? '' : d.slice('sha256:'.length, 'sha256:'.length + 40);
}
