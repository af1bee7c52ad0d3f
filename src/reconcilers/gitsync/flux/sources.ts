/**
 * Flux source documents → Capstan sources:
 * - `source.toolkit.fluxcd.io/v1` (`v1beta2`, `v1beta1`) GitRepository → `source.capstan.dev/v1` GitRepository.
 *   A missing `ref` means Flux's default, branch `master`, which is written out. `verify`, `include` and a
 *   cloud `provider` are rejected (the artifact would be unverified, lack files, or be fetched without the
 *   provider's credentials); other fields Capstan lacks (`sparseCheckout`, `proxySecretRef`,
 *   `gitImplementation`, `accessFrom`) are ignored and reported.
 * - HelmRepository: same fields; a cloud `provider` is rejected, `accessFrom` ignored.
 */
import { GitRepository, HelmRepository } from '../../../api/index.ts';
import { kindLabel, translateMetadata } from './metadata.ts';
import { dropUnknownFields } from './unknown-fields.ts';
import { Notes, capstanApiVersion, isObject, type FluxTranslation, type Json } from './types.ts';

export const fluxSourceVersions = ['source.toolkit.fluxcd.io/v1', 'source.toolkit.fluxcd.io/v1beta2', 'source.toolkit.fluxcd.io/v1beta1'] as const;

const gitRejects: readonly [RegExp, string][] = [
  [/^spec\.verify$/, 'commit signature verification (verify) is not supported: the revision would be used unverified'],
  [/^spec\.include$/, 'including other repositories (include) is not supported: the artifact would lack their files'],
];

function providerCheck(spec: Json, notes: Notes): void {
  const provider = spec['provider'];
  if (provider === undefined) return;
  if (provider !== 'generic') {
    notes.reject('spec.provider', `provider ${JSON.stringify(provider)} is not supported: only generic (credentials from secretRef)`);
  }
  delete spec['provider'];
}

/** Translates a Flux GitRepository document. */
export function translateFluxGitRepository(doc: Json): FluxTranslation {
  const notes = new Notes();
  const spec: Json = isObject(doc['spec']) ? structuredClone(doc['spec']) : {};
  providerCheck(spec, notes);
  if (spec['ref'] === undefined) spec['ref'] = { branch: 'master' };
  const object: Json = { apiVersion: capstanApiVersion.GitRepository, kind: 'GitRepository', metadata: translateMetadata(doc), spec };
  dropUnknownFields(GitRepository.shape.spec, spec, 'spec', notes, {
    what: 'GitRepository',
    rejects: (path) => gitRejects.find(([re]) => re.test(path))?.[1],
  });
  return { object, from: kindLabel(doc['apiVersion'], doc['kind']), ignored: notes.ignored, rejected: notes.rejected };
}

/** Translates a Flux HelmRepository document. */
export function translateFluxHelmRepository(doc: Json): FluxTranslation {
  const notes = new Notes();
  const spec: Json = isObject(doc['spec']) ? structuredClone(doc['spec']) : {};
  providerCheck(spec, notes);
  const object: Json = { apiVersion: capstanApiVersion.HelmRepository, kind: 'HelmRepository', metadata: translateMetadata(doc), spec };
  dropUnknownFields(HelmRepository.shape.spec, spec, 'spec', notes, { what: 'HelmRepository' });
  return { object, from: kindLabel(doc['apiVersion'], doc['kind']), ignored: notes.ignored, rejected: notes.rejected };
}
