/**
 * Registering the HelmRelease controller with a Manager (Flux's SetupWithManager): the controller on
 * HelmReleases (spec, metadata and deletion changes), indexes from HelmReleases to what they reference, and
 * watches that reconcile the HelmReleases using a GitRepository or HelmRepository that changed, the
 * dependents of a HelmRelease whose status changed, and the users of a changed valuesFrom ConfigMap/Secret.
 * Under `--watch-label-selector` the source and HelmRelease watches use that selector too (one informer per
 * kind); what the cache does not hold is read from the API server.
 */
import type { Manager, MapFunc } from '../../controller/index.ts';
import { objectKey } from '../../controller/index.ts';
import type { KubeObject } from '../../kube/index.ts';
import { configMapGvk, gitRepositoryGvk, helmReleaseGvk, helmRepositoryGvk, secretGvk } from '../shared/kinds.ts';
import { artifactChangedPredicate, readyChangedPredicate, specOrMetadataChangedPredicate } from '../shared/predicates.ts';
import type { HelmReleaseReconciler } from './reconciler.ts';

export const sourceRefIndex = 'helmrelease.sourceRef';
export const dependsOnIndex = 'helmrelease.dependsOn';
export const valuesFromIndex = 'helmrelease.valuesFrom';

interface RawSpec {
  chart?: { spec?: { sourceRef?: { kind?: string; name?: string; namespace?: string } } };
  dependsOn?: { name?: string; namespace?: string }[];
  valuesFrom?: { kind?: string; name?: string }[];
}

const specOf = (o: KubeObject): RawSpec => (o.spec ?? {}) as RawSpec;
const nsOf = (o: KubeObject): string => o.metadata.namespace ?? 'default';

/** `Kind/ns/name` of the chart's sourceRef. */
export function sourceRefKeys(o: KubeObject): string[] {
  const ref = specOf(o).chart?.spec?.sourceRef;
  return ref?.kind && ref.name ? [`${ref.kind}/${ref.namespace ?? nsOf(o)}/${ref.name}`] : [];
}

export function dependsOnKeys(o: KubeObject): string[] {
  return (specOf(o).dependsOn ?? []).filter((d) => d.name).map((d) => `${d.namespace ?? nsOf(o)}/${d.name ?? ''}`);
}

export function valuesFromKeys(o: KubeObject): string[] {
  return (specOf(o).valuesFrom ?? []).filter((v) => v.kind && v.name).map((v) => `${v.kind ?? ''}/${nsOf(o)}/${v.name ?? ''}`);
}

const keysOf = (objs: KubeObject[]): string[] => objs.map(objectKey);

export interface HelmReleaseSetupOptions {
  /** which ConfigMaps and Secrets are watched (and cached) for valuesFrom; default `owner!=helm` */
  watchConfigsLabelSelector?: string | undefined;
}

export function setupHelmReleaseController(mgr: Manager, r: HelmReleaseReconciler, opts: HelmReleaseSetupOptions = {}): void {
  const byKind = (kind: string): MapFunc => (obj, cache) => keysOf(cache.byIndex(helmReleaseGvk, sourceRefIndex, `${kind}/${objectKey(obj)}`));
  const configs = opts.watchConfigsLabelSelector ?? 'owner!=helm';
  const builder = mgr.addController(r, { predicates: [specOrMetadataChangedPredicate] });
  mgr.index(helmReleaseGvk, sourceRefIndex, sourceRefKeys);
  mgr.index(helmReleaseGvk, dependsOnIndex, dependsOnKeys);
  mgr.index(helmReleaseGvk, valuesFromIndex, valuesFromKeys);
  // the same selector as the primary informers of these kinds (one informer per kind)
  const shard = mgr.settings.watchLabelSelector ? { labelSelector: mgr.settings.watchLabelSelector } : {};
  builder
    .watches(gitRepositoryGvk, byKind('GitRepository'), { ...shard, predicates: [artifactChangedPredicate] })
    .watches(helmRepositoryGvk, byKind('HelmRepository'), { ...shard, predicates: [artifactChangedPredicate] })
    .watches(helmReleaseGvk, (obj, cache) => keysOf(cache.byIndex(helmReleaseGvk, dependsOnIndex, objectKey(obj))), { ...shard, predicates: [readyChangedPredicate] })
    .watches(configMapGvk, (obj, cache) => keysOf(cache.byIndex(helmReleaseGvk, valuesFromIndex, `ConfigMap/${objectKey(obj)}`)), { labelSelector: configs })
    .watches(secretGvk, (obj, cache) => keysOf(cache.byIndex(helmReleaseGvk, valuesFromIndex, `Secret/${objectKey(obj)}`)), { labelSelector: configs });
}
