/**
 * Names in an OCI chart registry, as Helm (v3.17 pkg/registry) spells them: `oci://host[:port]/path` is the
 * repository prefix, a chart lives in `<path>/<chart>`, versions become tags with `+` written as `_` (tags may not
 * contain `+`), and a version may be pinned to a manifest digest: `1.2.3@sha256:<hex>` or `@sha256:<hex>`.
 */
import { OciRegistryError } from './errors.ts';

export const OCI_SCHEME = 'oci://';

/** An `oci://` repository URL, split. */
export interface OciRepositoryUrl {
  /** `host[:port]` */
  readonly registry: string;
  /** the path under the registry, without slashes at either end (may be empty) */
  readonly prefix: string;
}

const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const COMPONENT_RE = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;

export function parseOciRepositoryUrl(url: string): OciRepositoryUrl {
  if (!url.startsWith(OCI_SCHEME)) throw new OciRegistryError('InvalidReference', url, `${url}: not an oci:// URL`);
  const rest = url.slice(OCI_SCHEME.length).replace(/\/+$/, '');
  const slash = rest.indexOf('/');
  const registry = slash < 0 ? rest : rest.slice(0, slash);
  const prefix = slash < 0 ? '' : rest.slice(slash + 1);
  if (registry === '' || registry.includes('@')) {
    throw new OciRegistryError('InvalidReference', url, `${url}: invalid registry host (put credentials in the options, not the URL)`);
  }
  for (const c of prefix === '' ? [] : prefix.split('/')) {
    if (!COMPONENT_RE.test(c)) throw new OciRegistryError('InvalidReference', url, `${url}: invalid repository path component "${c}"`);
  }
  return { registry, prefix };
}

/** The registry repository of a chart: `<prefix>/<chart>`. */
export function chartRepository(repo: OciRepositoryUrl, chart: string): string {
  if (!COMPONENT_RE.test(chart)) {
    throw new OciRegistryError('InvalidReference', `${OCI_SCHEME}${repo.registry}/${repo.prefix}`, `invalid chart name "${chart}"`);
  }
  return repo.prefix === '' ? chart : `${repo.prefix}/${chart}`;
}

/** A tag as Helm pushes a version: `+` becomes `_`. */
export function versionToTag(version: string): string {
  return version.replaceAll('+', '_');
}

/** A version as Helm reads a tag: `_` becomes `+`. */
export function tagToVersion(tag: string): string {
  return tag.replaceAll('_', '+');
}

/** A version string split at its digest pin: `1.2.3@sha256:…` → `{version: '1.2.3', digest: 'sha256:…'}`. */
export function splitDigest(version: string, ref: string): { version: string; digest: string | undefined } {
  const at = version.lastIndexOf('@');
  if (at < 0) return { version, digest: undefined };
  const digest = version.slice(at + 1);
  if (!DIGEST_RE.test(digest)) throw new OciRegistryError('InvalidReference', ref, `invalid digest "${digest}": want sha256:<64 hex digits>`);
  return { version: version.slice(0, at), digest };
}

export function isDigest(s: string): boolean {
  return DIGEST_RE.test(s);
}
