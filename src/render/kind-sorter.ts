/** releaseutil's kind ordering: InstallOrder / UninstallOrder and the stable sort by kind. */
import { goCompare } from './go-strings.ts';

export type KindSortOrder = readonly string[];

/** The order in which manifests are installed (by kind); unknown kinds go last, alphabetically. */
export const INSTALL_ORDER: KindSortOrder = Object.freeze([
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
]);

/** The order in which manifests are uninstalled (by kind). */
export const UNINSTALL_ORDER: KindSortOrder = Object.freeze([
  'APIService', 'Ingress', 'IngressClass', 'Service', 'CronJob', 'Job', 'StatefulSet',
  'HorizontalPodAutoscaler', 'Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'DaemonSet',
  'RoleBindingList', 'RoleBinding', 'RoleList', 'Role', 'ClusterRoleBindingList', 'ClusterRoleBinding',
  'ClusterRoleList', 'ClusterRole', 'CustomResourceDefinition', 'PersistentVolumeClaim', 'PersistentVolume',
  'StorageClass', 'ConfigMap', 'SecretList', 'Secret', 'ServiceAccount', 'PodDisruptionBudget',
  'PodSecurityPolicy', 'LimitRange', 'ResourceQuota', 'NetworkPolicy', 'Namespace', 'PriorityClass',
]);

/** releaseutil.lessByKind */
export function lessByKind(kindA: string, kindB: string, ordering: KindSortOrder): boolean {
  const first = ordering.indexOf(kindA);
  const second = ordering.indexOf(kindB);
  const aok = first >= 0;
  const bok = second >= 0;
  if (!aok && !bok) {
    // both unknown: alphabetically by kind (Go byte order), keeping input order for equal kinds
    if (kindA !== kindB) return goCompare(kindA, kindB) < 0;
    return false;
  }
  if (!aok) return false;
  if (!bok) return true;
  return first < second;
}

/** sort.SliceStable by kind; returns a new array. */
export function sortByKind<T>(items: readonly T[], kindOf: (item: T) => string, ordering: KindSortOrder): T[] {
  const indexed = items.map((item, i) => ({ item, i, kind: kindOf(item) }));
  indexed.sort((a, b) => {
    if (lessByKind(a.kind, b.kind, ordering)) return -1;
    if (lessByKind(b.kind, a.kind, ordering)) return 1;
    return a.i - b.i;
  });
  return indexed.map((x) => x.item);
}
