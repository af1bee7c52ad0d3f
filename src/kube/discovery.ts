/**
 * What the cluster serves, as Helm's `.Capabilities` shows it: the server version, and every group/version
 * plus every group/version/Kind (Helm's GetVersionSet).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { rawGet } from './raw.ts';

export interface ServerVersion { gitVersion: string; major: string; minor: string }

export async function serverVersion(kc: KubeConfig): Promise<ServerVersion> {
  const v = await rawGet<ServerVersion>(kc, '/version');
  return { gitVersion: v.gitVersion, major: v.major, minor: v.minor };
}

interface ApiVersions { versions: string[] }
interface ApiGroupList { groups: { name: string; versions: { groupVersion: string }[] }[] }
interface ResourceList { groupVersion: string; resources: { name: string; kind: string }[] }

/** Every `group/version` and `group/version/Kind` the server serves (sorted for stable output). */
export async function apiVersionSet(kc: KubeConfig): Promise<string[]> {
  const out = new Set<string>();
  const gvs: string[] = [];
  for (const v of (await rawGet<ApiVersions>(kc, '/api')).versions) gvs.push(v);
  for (const g of (await rawGet<ApiGroupList>(kc, '/apis')).groups) for (const v of g.versions) gvs.push(v.groupVersion);
  await Promise.all(gvs.map(async (gv) => {
    out.add(gv);
    const path = gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`;
    const list = await rawGet<ResourceList>(kc, path).catch(() => undefined);
    for (const r of list?.resources ?? []) if (!r.name.includes('/')) out.add(`${gv}/${r.kind}`);
  }));
  return [...out].sort();
}
