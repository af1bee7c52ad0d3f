/**
 * The chart `kubeVersion` check Helm makes before rendering (pkg/action/action.go renderResources):
 * only the top-level chart is checked. The constraint test is injected (the template layer owns
 * the Masterminds/semver port); this package's default port is used when none is given.
 */

import type { Chart } from './chart.ts';
import type { IsCompatibleRange } from './dependencies.ts';
import { defaultIsCompatibleRange } from './semver-range.ts';

export class KubeVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeVersionError';
  }
}

/**
 * Throws `chart requires kubeVersion: X which is incompatible with Kubernetes vY` when the chart's
 * kubeVersion constraint rejects `kubeVersion` (Capabilities.KubeVersion.String(), e.g. `v1.31.0`).
 */
export function checkKubeVersion(
  chart: Chart,
  kubeVersion: string,
  isCompatibleRange: IsCompatibleRange = defaultIsCompatibleRange,
): void {
  const want = chart.metadata.kubeVersion;
  if (want === '') return;
  if (!isCompatibleRange(want, kubeVersion)) {
    throw new KubeVersionError(`chart requires kubeVersion: ${want} which is incompatible with Kubernetes ${kubeVersion}`);
  }
}
