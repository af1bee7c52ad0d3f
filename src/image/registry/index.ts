/**
 * Registry scans for image automation: list an image's tags through the registry v2 API (paginated, token or
 * basic auth, TLS options, `exclusionList`), and look up a tag's manifest digest.
 *
 * ```ts
 * const credentials = secret && credentialsFromSecret(secret.data, parseImageName(spec.image).registry, spec.image);
 * const { tags, scanTime } = await scanImage({ image: spec.image, credentials, insecure: spec.insecure, logger });
 * const client = new ImageRegistryClient({ image: spec.image, credentials, logger });
 * const digest = await client.manifestDigest('v1.2.3');   // 'sha256:…'
 * client.close();
 * ```
 */
export { ImageRegistryError, isImageRegistryError, type ImageRegistryErrorCode } from './errors.ts';
export { parseImageName, DOCKER_HUB, type ImageName } from './image-name.ts';
export { credentialsFromSecret, registryKeyHost, type RegistryCredentials, type SecretData } from './docker-config.ts';
export { compileExclusions, DEFAULT_EXCLUSION_LIST } from './exclusion.ts';
export { ImageRegistryClient, MANIFEST_ACCEPT, type RegistryClientOptions } from './registry-client.ts';
export { scanImage, latestTags, type ScanOptions, type ScanResult } from './scan.ts';
export { nextPageUrl } from './link-header.ts';
export type { TlsOptions } from '../../source/helm-repository/http-client.ts';
