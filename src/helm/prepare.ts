/** Rendering a chart for a release against the live cluster, and turning the result into objects. */
import type { Chart } from '../chart/chart.ts';
import type { Values } from '../chart/values.ts';
import type { KubeObject } from '../kube/index.ts';
import { renderChart } from '../render/render-chart.ts';
import type { RenderResult } from '../render/template-output.ts';
import type { Release } from '../release/index.ts';
import { clusterCapabilities } from './capabilities.ts';
import type { ActionConfig } from './config.ts';
import { ActionError, messageOf } from './errors.ts';
import { defaultNamespaces, parseManifestObjects, setOwnership } from './manifest-objects.ts';

export interface RenderFor {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  chart: Chart;
  values: Values;
}

export async function renderForRelease(cfg: ActionConfig, r: RenderFor): Promise<RenderResult> {
  const capabilities = await clusterCapabilities(cfg);
  try {
    return renderChart(r.chart, r.values, {
      release: { name: r.name, namespace: r.namespace, revision: r.revision, isUpgrade: r.isUpgrade, isInstall: !r.isUpgrade },
      capabilities,
      warn: (m) => cfg.log.warn({ release: r.name }, m),
    });
  } catch (e) {
    throw new ActionError('RenderFailed', messageOf(e), { cause: e });
  }
}

/** The release's ordinary objects with namespaces defaulted and Helm's ownership metadata set. */
export async function releaseObjects(cfg: ActionConfig, rel: Release): Promise<KubeObject[]> {
  const objs = parseManifestObjects(rel.manifest ?? '', `release ${rel.name} v${rel.version}`);
  await defaultNamespaces(cfg.kube, objs, rel.namespace);
  setOwnership(objs, rel.name, rel.namespace);
  return objs;
}
