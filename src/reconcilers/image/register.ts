/**
 * Wiring the image controllers into a Manager (before it starts): ImageRepository, ImagePolicy,
 * ImageUpdateAutomation and the annotation automation of HelmReleases, sharing one TagStore, with the
 * watches that bring each back when what it reads changes:
 * - an ImagePolicy when its ImageRepository changes (every scan writes its status);
 * - every ImageUpdateAutomation when an ImagePolicy changes (its `latestRef`), the ImageUpdateAutomations of a
 *   GitRepository when it changes, and an ImageUpdateAutomation when a HelmRelease its pushed commit is
 *   waiting for changes (the health gate);
 * - an annotation-automated HelmRelease when an ImageRepository of one of its images changes.
 * Capstan kinds other than the primary ones are watched with the manager's `watchLabelSelector`, as the other
 * controllers watch them (one informer per kind).
 */
import { generationOrMetadataChanged, objectKey, type Manager, type MapFunc } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import type { EventRecorder } from '../shared/events.ts';
import { gitRepositoryGvk, helmReleaseGvk } from '../shared/kinds.ts';
import { sourceKeyOf } from './automation-source.ts';
import {
  HelmReleaseImageReconciler, automatedImagesIndex, automatedImagesOf, canonicalImage, canonicalImageIndex,
} from './helmrelease-image-reconciler.ts';
import { ImagePolicyReconciler, repositoryKeyOf } from './image-policy-reconciler.ts';
import { ImageRepositoryReconciler } from './image-repository-reconciler.ts';
import { ImageUpdateAutomationReconciler, type ImageUpdateAutomationReconcilerOptions } from './image-update-automation-reconciler.ts';
import { imagePolicyGvk, imageRepositoryGvk, imageUpdateAutomationGvk, rolloutAnnotation } from './kinds.ts';
import { parseRollout } from './rollout.ts';
import { TagStore } from './tag-store.ts';

/** Index of ImagePolicies by their ImageRepository (`ns/name`). */
export const repositoryRefIndex = 'image.repositoryRef';
/** Index of ImageUpdateAutomations by their GitRepository (`ns/name`). */
export const automationSourceIndex = 'image.sourceRef';
/** Index of ImageUpdateAutomations by the HelmReleases (`ns/name`) their last push is waiting for. */
export const rolloutReleasesIndex = 'image.rolloutHelmReleases';

export interface ImageAutomationDeps {
  /** the controllers' client: status, annotations, Secrets, HelmRelease values */
  kube: KubeClient;
  events: EventRecorder;
  /** where ImageUpdateAutomations keep their checkouts (a writable directory, e.g. under the operator's cache) */
  workDir: string;
  /** shared tag lists (default a new one) */
  tags?: TagStore;
  /** workers per controller (default: the manager's) */
  concurrent?: number;
  /** run the annotation automation of HelmReleases (default true) */
  helmReleaseAutomation?: boolean;
  /** ImageUpdateAutomation options beyond the above (rollout timeout, source nudge, retry delay) */
  automation?: Pick<ImageUpdateAutomationReconcilerOptions, 'nudgeSource' | 'rolloutTimeoutMs' | 'retryMs'>;
  /** first retry delay of a failed scan (default 1 s) */
  scanRetryBaseMs?: number;
}

export interface ImageControllers {
  tags: TagStore;
  repositories: ImageRepositoryReconciler;
  policies: ImagePolicyReconciler;
  automations: ImageUpdateAutomationReconciler;
  helmReleases: HelmReleaseImageReconciler | undefined;
}

const policiesOfRepository: MapFunc = (repo, cache) => cache.byIndex(imagePolicyGvk, repositoryRefIndex, objectKey(repo)).map(objectKey);
const allAutomations: MapFunc = (_policy, cache) => cache.list(imageUpdateAutomationGvk).map(objectKey);
const automationsOfSource: MapFunc = (repo, cache) => cache.byIndex(imageUpdateAutomationGvk, automationSourceIndex, objectKey(repo)).map(objectKey);
const automationsWaitingFor: MapFunc = (hr, cache) => cache.byIndex(imageUpdateAutomationGvk, rolloutReleasesIndex, objectKey(hr)).map(objectKey);
const releasesOfRepository: MapFunc = (repo, cache) => {
  const image = canonicalImage(String((repo.spec as { image?: unknown } | undefined)?.image ?? ''));
  return image === undefined ? [] : cache.byIndex(helmReleaseGvk, automatedImagesIndex, image).map(objectKey);
};

type Spec<T> = KubeObject & { spec?: T };

/** Registers the image controllers with `manager` (before it starts). */
export function register(manager: Manager, deps: ImageAutomationDeps): ImageControllers {
  const tags = deps.tags ?? new TagStore();
  const selector = manager.settings.watchLabelSelector;
  const opts = selector !== undefined ? { labelSelector: selector } : {};
  const common = { kube: deps.kube, events: deps.events, ...(deps.concurrent !== undefined ? { concurrent: deps.concurrent } : {}) };

  const repositories = new ImageRepositoryReconciler({ ...common, tags, ...(deps.scanRetryBaseMs !== undefined ? { retryBaseMs: deps.scanRetryBaseMs } : {}) });
  manager.addController(repositories, { predicates: [generationOrMetadataChanged] });

  const policies = new ImagePolicyReconciler({ ...common, tags });
  manager.addController(policies, { predicates: [generationOrMetadataChanged] })
    .watches(imageRepositoryGvk, policiesOfRepository, opts);
  manager.index<Spec<{ imageRepositoryRef?: { name: string; namespace?: string } }>>(imagePolicyGvk, repositoryRefIndex, (p) => {
    const k = repositoryKeyOf(p);
    return k === undefined ? [] : [k];
  });

  const automations = new ImageUpdateAutomationReconciler({ ...common, workDir: deps.workDir, ...deps.automation });
  manager.addController(automations, { predicates: [generationOrMetadataChanged] })
    .watches(imagePolicyGvk, allAutomations, opts)
    .watches(gitRepositoryGvk, automationsOfSource, opts)
    .watches(helmReleaseGvk, automationsWaitingFor, opts);
  manager.index<Spec<{ sourceRef?: { name: string; namespace?: string } }>>(imageUpdateAutomationGvk, automationSourceIndex, (a) => {
    const k = sourceKeyOf(a);
    return k === undefined ? [] : [k];
  });
  manager.index(imageUpdateAutomationGvk, rolloutReleasesIndex,
    (a) => parseRollout(a.metadata.annotations?.[rolloutAnnotation])?.releases.map((r) => r.helmRelease) ?? []);

  let helmReleases: HelmReleaseImageReconciler | undefined;
  if (deps.helmReleaseAutomation !== false) {
    helmReleases = new HelmReleaseImageReconciler({ ...common, tags });
    manager.addController(helmReleases).watches(imageRepositoryGvk, releasesOfRepository, opts);
    manager.index(helmReleaseGvk, automatedImagesIndex, automatedImagesOf);
  }
  manager.index<Spec<{ image?: string }>>(imageRepositoryGvk, canonicalImageIndex, (r) => {
    const c = canonicalImage(r.spec?.image ?? '');
    return c === undefined ? [] : [c];
  });
  return { tags, repositories, policies, automations, helmReleases };
}
