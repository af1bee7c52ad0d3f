/**
 * Flux's `kustomize.toolkit.fluxcd.io/v1` (and `v1beta2`) Kustomization → `sync.capstan.dev/v1` GitSync:
 * the same fields (`sourceRef`, `path`, `prune`, `interval`, `retryInterval`, `timeout`, `suspend`,
 * `dependsOn`, `targetNamespace`, `serviceAccountName`). Rejected, because Capstan would apply other objects
 * than Flux would: a source other than a GitRepository, and everything kustomize or post-build would
 * change (`patches`, `images`, `components`, `namePrefix`, `nameSuffix`, `commonMetadata`, `postBuild`,
 * `decryption`), and `kubeConfig`. Ignored and reported: `wait`, `force`, `healthChecks`,
 * `healthCheckExprs`, `deletionPolicy` and any other field GitSync lacks.
 */
import { GitSync } from '../../../api/index.ts';
import { kindLabel, translateMetadata } from './metadata.ts';
import { dropUnknownFields } from './unknown-fields.ts';
import { Notes, isObject, type FluxTranslation, type Json } from './types.ts';

export const fluxKustomizationVersions = ['kustomize.toolkit.fluxcd.io/v1', 'kustomize.toolkit.fluxcd.io/v1beta2'] as const;

const rejected: readonly [RegExp, string][] = [
  [/^spec\.(patches|patchesStrategicMerge|patchesJson6902|images|components|namePrefix|nameSuffix|commonMetadata)$/, 'Capstan does not run kustomize: the objects would be applied unchanged'],
  [/^spec\.postBuild$/, 'post-build variable substitution is not supported: the objects would be applied unsubstituted'],
  [/^spec\.decryption$/, 'decryption (SOPS) is not supported: encrypted objects would be applied as they are'],
  [/^spec\.kubeConfig$/, 'applying to another cluster (kubeConfig) is not supported: Capstan would apply to this one'],
];

export function translateFluxKustomization(doc: Json): FluxTranslation {
  const notes = new Notes();
  const spec: Json = isObject(doc['spec']) ? structuredClone(doc['spec']) : {};
  const ref = spec['sourceRef'];
  if (isObject(ref)) {
    delete ref['apiVersion'];
    if (ref['kind'] !== 'GitRepository') notes.reject('spec.sourceRef.kind', `a ${String(ref['kind'])} source is not supported: only GitRepository`);
  }
  const object: Json = { apiVersion: 'sync.capstan.dev/v1', kind: 'GitSync', metadata: translateMetadata(doc), spec };
  dropUnknownFields(GitSync.shape.spec, spec, 'spec', notes, { what: 'GitSync', rejects: (path) => rejected.find(([re]) => re.test(path))?.[1] });
  return { object, from: kindLabel(doc['apiVersion'], doc['kind']), ignored: notes.ignored, rejected: notes.rejected };
}
