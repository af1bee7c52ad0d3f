/**
 * Flux v2 HelmRelease (`helm.toolkit.fluxcd.io/v2`, `v2beta2`, `v2beta1`) → Capstan HelmRelease. Capstan's
 * field names are Flux's, so the spec is carried over as it is, except:
 * - `chart.spec.sourceRef.apiVersion` is dropped (the source is Capstan's translated GitRepository or
 *   HelmRepository of the same name); `chart.spec.valuesFile` (v2beta1) becomes the first `valuesFiles` entry;
 * - `driftDetection` absent means Flux's default, `disabled` (Capstan's own default is `enabled`);
 * - fields Capstan has no equivalent for are reported: rejected when dropping them would change what is
 *   deployed or where (`kubeConfig`, `chartRef`, `chart.spec.verify`, a `Bucket` source, `valuesFrom[].literal`,
 *   post-renderer kinds other than kustomize patches and images), ignored otherwise.
 */
import { HelmRelease } from '../../../api/index.ts';
import { kindLabel, translateMetadata } from './metadata.ts';
import { dropUnknownFields } from './unknown-fields.ts';
import { Notes, capstanApiVersion, isObject, type FluxTranslation, type Json } from './types.ts';

export const fluxV2HelmReleaseVersions = ['helm.toolkit.fluxcd.io/v2', 'helm.toolkit.fluxcd.io/v2beta2', 'helm.toolkit.fluxcd.io/v2beta1'] as const;

const rejectedPaths: readonly [RegExp, string][] = [
  [/^spec\.kubeConfig$/, 'releasing into another cluster (kubeConfig) is not supported: Capstan would release into this one'],
  [/^spec\.chartRef$/, 'chartRef (OCIRepository, HelmChart, ExternalArtifact) is not supported: name the chart with chart.spec'],
  [/^spec\.chart\.spec\.verify$/, 'chart signature verification (verify) is not supported: the chart would be used unverified'],
  [/^spec\.valuesFrom\[\d+\]\.literal$/, 'literal values (valuesFrom.literal) are not supported: the value would be read as YAML'],
  [/^spec\.postRenderers\[\d+\]/, 'only kustomize patches and images are supported as post-renderers: the rendered objects would differ'],
];

function rejects(path: string): string | undefined {
  return rejectedPaths.find(([re]) => re.test(path))?.[1];
}

/** Translates a Flux v2 HelmRelease document; see the module comment. */
export function translateFluxV2HelmRelease(doc: Json): FluxTranslation {
  const notes = new Notes();
  const spec: Json = isObject(doc['spec']) ? structuredClone(doc['spec']) : {};
  adjustChart(spec, notes);
  if (spec['driftDetection'] === undefined) spec['driftDetection'] = { mode: 'disabled' };
  if (Array.isArray(spec['valuesFrom'])) {
    spec['valuesFrom'].forEach((v: unknown, i) => {
      if (!isObject(v) || v['literal'] === undefined) return;
      // literal: false is the default meaning; only true asks for something Capstan does not do
      if (v['literal'] === true) notes.reject(`spec.valuesFrom[${i}].literal`, rejects(`spec.valuesFrom[${i}].literal`) ?? 'literal values are not supported');
      delete v['literal'];
    });
  }
  const object: Json = { apiVersion: capstanApiVersion.HelmRelease, kind: 'HelmRelease', metadata: translateMetadata(doc), spec };
  dropUnknownFields(HelmRelease.shape.spec, spec, 'spec', notes, { what: 'HelmRelease', rejects });
  return { object, from: kindLabel(doc['apiVersion'], doc['kind']), ignored: notes.ignored, rejected: notes.rejected };
}

function adjustChart(spec: Json, notes: Notes): void {
  const chart = spec['chart'];
  if (!isObject(chart)) return;
  if (chart['metadata'] !== undefined) {
    notes.ignore('spec.chart.metadata', 'Capstan makes no HelmChart object to put these labels and annotations on');
    delete chart['metadata'];
  }
  const cs = chart['spec'];
  if (!isObject(cs)) return;
  const ref = cs['sourceRef'];
  if (isObject(ref)) {
    delete ref['apiVersion'];
    if (ref['kind'] === 'Bucket') notes.reject('spec.chart.spec.sourceRef.kind', 'Bucket sources are not supported: use a GitRepository or HelmRepository');
  }
  if (typeof cs['valuesFile'] === 'string') {
    const files = Array.isArray(cs['valuesFiles']) ? cs['valuesFiles'] : [];
    cs['valuesFiles'] = [cs['valuesFile'], ...files];
    delete cs['valuesFile'];
  }
}
