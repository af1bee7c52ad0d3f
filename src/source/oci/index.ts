/**
 * Helm charts in OCI registries (`oci://`): tag listing with pagination, Helm's tag↔version mapping and version
 * rules, token (Bearer) and basic authentication, digest pinning and verification of every manifest and blob.
 *
 * ```ts
 * const oci = new OciRepositoryClient({ url: 'oci://registry.example.com/charts', logger, username, password });
 * const v = await oci.resolve('podinfo', '^6');               // → {version, tag, digest}
 * const { tgz } = await oci.pull('podinfo', `${v.version}@${v.digest}`);
 * oci.close();
 * ```
 */
export {
  OciRepositoryClient,
  DEFAULT_MAX_OCI_CHART_SIZE,
  type OciRepositoryClientOptions,
  type OciChartVersion,
  type OciChartPull,
  type OciCallOptions,
} from './client.ts';
export { OciRegistryError, type OciErrorCode } from './errors.ts';
export {
  HELM_CONFIG_MEDIA_TYPE,
  HELM_CHART_LAYER_MEDIA_TYPE,
  HELM_LEGACY_CHART_LAYER_MEDIA_TYPE,
  type ChartConfig,
} from './chart-manifest.ts';
export { OCI_MANIFEST_MEDIA_TYPE } from './registry-api.ts';
export { parseOciRepositoryUrl, versionToTag, tagToVersion, splitDigest, type OciRepositoryUrl } from './reference.ts';
export { versionsFromTags, matchVersion } from './resolve.ts';
export { parseChallenge, type Challenge } from './auth.ts';
