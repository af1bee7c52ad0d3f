/**
 * `source.capstan.dev/v1` HelmRepository: a chart repository, either HTTP(S) with an `index.yaml` or an OCI
 * registry (`oci://`). The type is inferred from the URL when not given.
 */
import { z } from 'zod';
import { Artifact, LocalObjectReference } from '../common.ts';
import { Duration } from '../duration.ts';
import { ageColumn, commonStatusFields, defineKind, readyColumns } from '../kind.ts';
import { parseWith, type ParseResult } from '../parse.ts';

export const helmRepositoryTypes = ['default', 'oci'] as const;
export type HelmRepositoryType = (typeof helmRepositoryTypes)[number];

const typeRule = "!has(self.type) || ((self.type == 'oci') == self.url.startsWith('oci://'))";
const typeMessage = 'type must be oci exactly when the url starts with oci://';

const fields = z.object({
  url: z.string().regex(/^(https?|oci):\/\/.+$/, { message: 'must start with http://, https:// or oci://' })
    .describe('Repository address: http(s):// (with an index.yaml) or oci:// (a registry).'),
  type: z.enum(helmRepositoryTypes).optional()
    .describe('default (HTTP index.yaml) or oci; inferred from the url when omitted.'),
  interval: Duration.describe('How often to download the index (HTTP) or check the registry (OCI).'),
  timeout: Duration.default('60s').describe('Timeout for index downloads and registry calls.'),
  secretRef: LocalObjectReference.optional()
    .describe('Secret with username and password (basic auth or registry login), or a .dockerconfigjson.'),
  certSecretRef: LocalObjectReference.optional()
    .describe('Secret with TLS material: ca.crt, and tls.crt and tls.key for client authentication.'),
  passCredentials: z.boolean().default(false)
    .describe('Also send the credentials to hosts other than the repository\'s (chart URLs in the index).'),
  insecure: z.boolean().default(false).describe('Allow plain HTTP to an OCI registry.'),
  suspend: z.boolean().default(false).describe('Stop reconciling this repository.'),
});

/** The spec; parsing fills `type` from the URL when it is omitted. */
export const HelmRepositorySpec = fields
  .superRefine((s, ctx) => {
    if (s.type !== undefined && (s.type === 'oci') !== s.url.startsWith('oci://')) ctx.addIssue({ code: 'custom', path: ['type'], message: typeMessage });
  })
  .meta({ 'x-kubernetes-validations': [{ rule: typeRule, message: typeMessage, fieldPath: '.type' }] })
  .transform((s) => ({ ...s, type: s.type ?? helmRepositoryType(s.url) }));
export type HelmRepositorySpec = z.infer<typeof HelmRepositorySpec>;

/** `oci` for `oci://` URLs, else `default`. */
export function helmRepositoryType(url: string): HelmRepositoryType {
  return url.startsWith('oci://') ? 'oci' : 'default';
}

export const HelmRepositoryStatus = z.object({
  ...commonStatusFields,
  artifact: Artifact.optional().describe('The index artifact (HTTP repositories).'),
  url: z.string().optional().describe('Address of the index artifact.'),
});
export type HelmRepositoryStatus = z.infer<typeof HelmRepositoryStatus>;

export const helmRepositoryKind = defineKind({
  group: 'source.capstan.dev',
  version: 'v1',
  kind: 'HelmRepository',
  plural: 'helmrepositories',
  singular: 'helmrepository',
  shortNames: ['helmrepo'],
  description: 'HelmRepository is a chart repository: an HTTP(S) index.yaml or an OCI registry.',
  spec: HelmRepositorySpec,
  status: HelmRepositoryStatus,
  printerColumns: [
    ...readyColumns,
    { name: 'URL', type: 'string', jsonPath: '.spec.url' },
    { name: 'Revision', type: 'string', jsonPath: '.status.artifact.revision' },
    ageColumn,
  ],
});

export const HelmRepository = helmRepositoryKind.schema;
export type HelmRepository = z.infer<typeof HelmRepository>;

export function parseHelmRepository(obj: unknown): ParseResult<HelmRepository> {
  return parseWith(HelmRepository, obj);
}
