/**
 * The image kinds as the controller machinery names them, the annotations the image controllers read and write,
 * and the condition reasons they add to `src/api`'s Reason (candidates to move there).
 */
import { imagePolicyKind, imageRepositoryKind, imageUpdateAutomationKind, type KindDefinition } from '../../api/index.ts';
import type { Kind } from '../../controller/index.ts';

function kindOf(def: Pick<KindDefinition, 'group' | 'version' | 'kind' | 'plural'>): Kind {
  return { apiVersion: `${def.group}/${def.version}`, kind: def.kind, plural: def.plural };
}

export const imageRepositoryGvk: Kind = kindOf(imageRepositoryKind);
export const imagePolicyGvk: Kind = kindOf(imagePolicyKind);
export const imageUpdateAutomationGvk: Kind = kindOf(imageUpdateAutomationKind);

/**
 * On an ImagePolicy: tags recorded as bad, comma-separated (`myapp-v3,myapp-v4`). The policy does not choose
 * them, nor anything it ranks at or below the highest of them, until a newer tag appears. Written by the
 * health gate after a failed rollout; people may edit it (remove a tag to allow it again).
 */
export const excludedTagsAnnotation = 'image.capstan.dev/excluded-tags';

/**
 * On a HelmRelease automated by annotations: the bad tags of one container (`image.capstan.dev/excluded-tags.<container>`).
 */
export const excludedTagsPrefix = 'image.capstan.dev/excluded-tags.';

/**
 * On an ImageUpdateAutomation (the commit it pushed and the HelmReleases that must become Ready with it) or on
 * an annotation-automated HelmRelease (the generation and tags it patched): the rollout the health gate is
 * watching, as JSON. Removed when the rollout is healthy, failed (and undone) or superseded.
 */
export const rolloutAnnotation = 'image.capstan.dev/rollout';

/**
 * The field manager of the image controllers' metadata and values patches (not `capstan`, which Helm releases
 * apply with, nor `capstan-gitsync`, which GitSync applies with).
 */
export const imageFieldManager = 'capstan-image-automation';
