/** `spec.commonMetadata`: labels and annotations put on every rendered object, over the chart's own. */
import type { KubeObject } from '../../../kube/index.ts';

export interface CommonMetadataSpec {
  labels?: Record<string, string> | undefined;
  annotations?: Record<string, string> | undefined;
}

export function applyCommonMetadata(obj: KubeObject, m: CommonMetadataSpec | undefined): void {
  if (m?.labels !== undefined && Object.keys(m.labels).length > 0) obj.metadata.labels = { ...obj.metadata.labels, ...m.labels };
  if (m?.annotations !== undefined && Object.keys(m.annotations).length > 0) obj.metadata.annotations = { ...obj.metadata.annotations, ...m.annotations };
}
