/**
 * Helm charts as OCI artifacts (what `helm push` writes): an image manifest whose config has media type
 * `application/vnd.cncf.helm.config.v1+json` (the Chart.yaml metadata as JSON) and whose chart layer is
 * `application/vnd.cncf.helm.chart.content.v1.tar+gzip` (the .tgz as is; `application/tar+gzip` from early
 * Helm 3 is still read, as Helm does).
 */
import { OciRegistryError } from './errors.ts';

export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_CHART_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const HELM_LEGACY_CHART_LAYER_MEDIA_TYPE = 'application/tar+gzip';
export const HELM_PROV_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
}

/** The two descriptors a chart pull needs. */
export interface ChartManifest {
  readonly config: Descriptor;
  readonly chart: Descriptor;
}

/** Reads a manifest's JSON as a Helm chart; throws `InvalidManifest` with Helm's words when it is not one. */
export function readChartManifest(bytes: Uint8Array, ref: string): ChartManifest {
  let m: { schemaVersion?: unknown; config?: unknown; layers?: unknown };
  try {
    m = JSON.parse(Buffer.from(bytes).toString('utf8')) as typeof m;
  } catch (e) {
    throw new OciRegistryError('InvalidManifest', ref, `${ref}: the manifest is not JSON`, { cause: e });
  }
  const config = descriptor(m.config);
  if (config === undefined || config.mediaType !== HELM_CONFIG_MEDIA_TYPE) {
    throw new OciRegistryError('InvalidManifest', ref, `${ref}: could not load config with mediatype ${HELM_CONFIG_MEDIA_TYPE}`);
  }
  const layers = Array.isArray(m.layers) ? m.layers.map(descriptor) : [];
  const chart = layers.find((l) => l?.mediaType === HELM_CHART_LAYER_MEDIA_TYPE)
    ?? layers.find((l) => l?.mediaType === HELM_LEGACY_CHART_LAYER_MEDIA_TYPE);
  if (chart === undefined) {
    throw new OciRegistryError('InvalidManifest', ref, `${ref}: manifest does not contain a layer with mediatype ${HELM_CHART_LAYER_MEDIA_TYPE}`);
  }
  return { config, chart };
}

function descriptor(v: unknown): Descriptor | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o['mediaType'] !== 'string' || typeof o['digest'] !== 'string' || typeof o['size'] !== 'number') return undefined;
  return { mediaType: o['mediaType'], digest: o['digest'], size: o['size'] };
}

/** The chart metadata in the config blob (Chart.yaml as JSON). */
export interface ChartConfig {
  readonly name: string;
  readonly version: string;
  readonly appVersion?: string;
  readonly apiVersion?: string;
}

export function readChartConfig(bytes: Uint8Array, ref: string): ChartConfig {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new OciRegistryError('InvalidManifest', ref, `${ref}: the chart config is not JSON`, { cause: e });
  }
  const name = typeof o['name'] === 'string' ? o['name'] : '';
  const version = typeof o['version'] === 'string' ? o['version'] : '';
  const out: { -readonly [K in keyof ChartConfig]: ChartConfig[K] } = { name, version };
  if (typeof o['appVersion'] === 'string') out.appVersion = o['appVersion'];
  if (typeof o['apiVersion'] === 'string') out.apiVersion = o['apiVersion'];
  return out;
}
