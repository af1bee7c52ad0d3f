/** `--create-namespace`: creates the release namespace if it does not exist. */
import type { KubeClient } from '../kube/index.ts';

export async function ensureNamespace(kube: KubeClient, name: string): Promise<void> {
  if (await kube.get({ apiVersion: 'v1', kind: 'Namespace', name })) return;
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}
