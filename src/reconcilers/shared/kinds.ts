/**
 * The kinds the reconcilers watch, as the controller machinery names them (apiVersion, kind, plural), taken
 * from the API definitions so that a renamed plural cannot drift.
 */
import { gitRepositoryKind, helmReleaseKind, helmRepositoryKind, type KindDefinition } from '../../api/index.ts';
import type { Kind } from '../../controller/index.ts';

function kindOf(def: Pick<KindDefinition, 'group' | 'version' | 'kind' | 'plural'>): Kind {
  return { apiVersion: `${def.group}/${def.version}`, kind: def.kind, plural: def.plural };
}

export const helmReleaseGvk: Kind = kindOf(helmReleaseKind);
export const gitRepositoryGvk: Kind = kindOf(gitRepositoryKind);
export const helmRepositoryGvk: Kind = kindOf(helmRepositoryKind);
export const configMapGvk: Kind = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };
export const secretGvk: Kind = { apiVersion: 'v1', kind: 'Secret', plural: 'secrets' };
