/**
 * Inventory entries (`status.inventory.entries[]{id, v}`) in Flux's form: the id is cli-utils' ObjMetadata string
 * `<namespace>_<name>_<group>_<kind>` (namespace empty for cluster-scoped objects, group empty for the core group;
 * colons in RBAC object names written as `__`), and `v` is the API version.
 */
import { z } from 'zod';

export const InventoryEntry = z.object({
  id: z.string().min(1).describe('Object id: <namespace>_<name>_<group>_<kind>.'),
  v: z.string().describe('Version of the object\'s API group (v1 for apps/v1; the group is in the id).'),
});
export type InventoryEntry = z.infer<typeof InventoryEntry>;

export const Inventory = z.object({
  entries: z.array(InventoryEntry).describe('The objects applied, one entry per object.'),
});
export type Inventory = z.infer<typeof Inventory>;

export interface ObjMetadata {
  namespace: string;
  name: string;
  group: string;
  kind: string;
}

const rbacKinds = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const isRbac = (group: string, kind: string): boolean => group === 'rbac.authorization.k8s.io' && rbacKinds.has(kind);

/** The inventory id of an object. */
export function objMetadataId(o: ObjMetadata): string {
  const name = isRbac(o.group, o.kind) ? o.name.replaceAll(':', '__') : o.name;
  return `${o.namespace}_${name}_${o.group}_${o.kind}`;
}

/** Reads an inventory id back; undefined when it does not have the four fields. */
export function parseObjMetadataId(id: string): ObjMetadata | undefined {
  const first = id.indexOf('_');
  const last = id.lastIndexOf('_');
  if (first < 0 || last <= first) return undefined;
  const rest = id.slice(first + 1, last);
  const groupAt = rest.lastIndexOf('_');
  if (groupAt < 0) return undefined;
  const group = rest.slice(groupAt + 1);
  const kind = id.slice(last + 1);
  const rawName = rest.slice(0, groupAt);
  return { namespace: id.slice(0, first), name: isRbac(group, kind) ? rawName.replaceAll('__', ':') : rawName, group, kind };
}
