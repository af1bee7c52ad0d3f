/** `status.inventory`: the objects of the current release, as Flux's cli-utils ids (`ns_name_group_Kind`). */
import { objMetadataId, type Inventory } from '../../../api/index.ts';
import { groupOf, type KubeObject } from '../../../kube/index.ts';

export function inventoryOf(objects: readonly KubeObject[]): Inventory {
  const seen = new Set<string>();
  const entries: Inventory['entries'] = [];
  for (const o of objects) {
    const id = objMetadataId({ namespace: o.metadata.namespace ?? '', name: o.metadata.name, group: groupOf(o.apiVersion), kind: o.kind });
    if (seen.has(id)) continue;
    seen.add(id);
    const slash = o.apiVersion.indexOf('/');
    entries.push({ id, v: slash < 0 ? o.apiVersion : o.apiVersion.slice(slash + 1) });
  }
  return { entries };
}
