/**
 * `image.capstan.dev/v1` ImageRepository: a container image repository whose tags are scanned (Flux's
 * image-reflector ImageRepository).
 */
import { z } from 'zod';
import { LocalObjectReference, Timestamp } from '../common.ts';
import { Duration } from '../duration.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';

/** `[host[:port]/]path` without a tag or digest. */
export const imageNamePattern = /^([^/@\s]+\/)*[^/:@\s]+$/;

export const defaultExclusionList = ['^.*\\.sig$'];

export const ImageRepositorySpec = z.object({
  image: z.string().regex(imageNamePattern, { message: 'must be an image name without tag or digest, e.g. registry:5000/team/app' })
    .describe('The image repository to scan, without tag: [host[:port]/]path.'),
  interval: Duration.describe('How often to list the tags.'),
  timeout: Duration.optional().describe('Timeout for the registry calls of one scan; defaults to interval.'),
  secretRef: LocalObjectReference.optional().describe('Secret of type kubernetes.io/dockerconfigjson with registry credentials.'),
  certSecretRef: LocalObjectReference.optional()
    .describe('Secret with TLS material: ca.crt, and tls.crt and tls.key for client authentication.'),
  exclusionList: z.array(z.string()).default(defaultExclusionList)
    .describe('Regular expressions (RE2) of tags to leave out of the scan result.'),
  insecure: z.boolean().default(false).describe('Allow plain HTTP to the registry.'),
  suspend: z.boolean().default(false).describe('Stop scanning.'),
});
export type ImageRepositorySpec = z.infer<typeof ImageRepositorySpec>;

export const ScanResult = z.object({
  tagCount: z.int().min(0).describe('Number of tags found.'),
  scanTime: Timestamp.optional().describe('When the scan finished.'),
  latestTags: z.array(z.string()).optional().describe('The most recent tags (by name, descending), at most ten.'),
});
export type ScanResult = z.infer<typeof ScanResult>;

export const ImageRepositoryStatus = z.object({
  ...commonStatusFields,
  canonicalImageName: z.string().optional().describe('The image name in canonical form (registry host included).'),
  lastScanResult: ScanResult.optional().describe('The outcome of the last successful scan.'),
  observedExclusionList: z.array(z.string()).optional().describe('The exclusionList the last scan used.'),
});
export type ImageRepositoryStatus = z.infer<typeof ImageRepositoryStatus>;

export const imageRepositoryKind = defineKind({
  group: 'image.capstan.dev',
  version: 'v1',
  kind: 'ImageRepository',
  plural: 'imagerepositories',
  singular: 'imagerepository',
  shortNames: ['imgrepo'],
  description: 'ImageRepository scans the tags of a container image repository.',
  spec: ImageRepositorySpec,
  status: ImageRepositoryStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'Image', type: 'string', jsonPath: '.spec.image' },
    { name: 'Tags', type: 'integer', jsonPath: '.status.lastScanResult.tagCount' },
    { name: 'Last Scan', type: 'date', jsonPath: '.status.lastScanResult.scanTime' },
    ageColumn,
  ],
});

export const ImageRepository = imageRepositoryKind.schema;
export type ImageRepository = z.infer<typeof ImageRepository>;

export function parseImageRepository(obj: unknown): ParseResult<ImageRepository> {
  return parseWith(ImageRepository, obj);
}
