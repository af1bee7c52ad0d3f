/** CRDs from a chart's `crds/` directories, per policy: Skip, Create (only missing ones), CreateReplace. */
import type { Chart } from '../chart/chart.ts';
import type { KubeObject } from '../kube/index.ts';
import { ActionError, messageOf } from './errors.ts';
import { parseManifestObjects, refOfObject } from './manifest-objects.ts';
import { waitAll } from './resources.ts';
import { invalidateCapabilities } from './capabilities.ts';
import type { ActionConfig } from './config.ts';

export type CrdPolicy = 'Skip' | 'Create' | 'CreateReplace';

export async function installCrds(cfg: ActionConfig, chart: Chart, policy: CrdPolicy, timeoutMs: number): Promise<KubeObject[]> {
  if (policy === 'Skip') return [];
  const crds: KubeObject[] = [];
  for (const f of chart.crdObjects()) crds.push(...parseManifestObjects(Buffer.from(f.file.data).toString('utf8'), f.filename));
  if (crds.length === 0) return [];
  const applied: KubeObject[] = [];
  for (const crd of crds) {
    try {
      if (policy === 'Create' && await cfg.kube.get(refOfObject(crd))) continue;
      await cfg.kube.apply(crd);
      applied.push(crd);
    } catch (e) {
      throw new ActionError('CrdFailed', `failed to install CRD ${crd.metadata.name}: ${messageOf(e)}`, { cause: e });
    }
  }
  await waitAll(cfg.kube, crds, timeoutMs);
  invalidateCapabilities(cfg);
  return applied;
}
