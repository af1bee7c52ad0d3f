/** Content digests in OCI form, `sha256:<64 lowercase hex>`. */
import { createHash, type Hash } from 'node:crypto';
import { ArtifactError } from './errors.ts';

/** A digest string, `sha256:<hex>`. */
export type Digest = `sha256:${string}`;

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export function isDigest(s: string): s is Digest {
  return DIGEST_RE.test(s);
}

/** Returns the digest unchanged when well-formed; throws `ArtifactError('InvalidDigest')` otherwise. */
export function parseDigest(s: string): Digest {
  if (!isDigest(s)) throw new ArtifactError('InvalidDigest', s, `invalid digest "${s}": want sha256:<64 lowercase hex>`);
  return s;
}

/** The digest of bytes held in memory. */
export function digestOf(data: Uint8Array | string): Digest {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** A running sha256 for streamed data. */
export function newDigester(): { hash: Hash; digest(): Digest } {
  const hash = createHash('sha256');
  return { hash, digest: () => `sha256:${hash.digest('hex')}` };
}

/** The hex part of a digest. */
export function digestHex(d: Digest): string {
  return d.slice('sha256:'.length);
}
