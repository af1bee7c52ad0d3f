/**
 * The HelmRelease's post-rendering as one function on rendered objects: `spec.postRenderers[]` in order
 * (each kustomize block: its patches, then its image overrides), then `spec.commonMetadata`. A patch whose
 * body is a list is a JSON 6902 patch and needs a `target`; a patch whose body is an object is a strategic
 * merge patch, applied to its `target` or, without one, to the object it names (apiVersion, kind, name).
 */
import { parse as parseYaml } from 'yaml';
import { Reason, type HelmReleaseSpec, type Selector } from '../../../api/index.ts';
import type { KubeObject } from '../../../kube/index.ts';
import { applyCommonMetadata } from './common-metadata.ts';
import { applyImages, type ImageOverride } from './images.ts';
import { applyJsonPatch, type JsonPatchOperation } from './json-patch.ts';
import { matchesSelector } from './selector.ts';
import { strategicMerge } from './strategic-merge.ts';

export type PostRender = (obj: KubeObject) => KubeObject;

export class PostRenderError extends Error {
  readonly code = Reason.PostRenderFailed;
  constructor(message: string) {
    super(message);
    this.name = 'PostRenderError';
  }
}

type Step = (obj: KubeObject) => KubeObject;

function selectorOfPatch(body: Record<string, unknown>): Selector {
  const meta = (body['metadata'] ?? {}) as { name?: string; namespace?: string };
  const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : undefined;
  const slash = apiVersion?.indexOf('/') ?? -1;
  const sel: Selector = {};
  if (apiVersion !== undefined) {
    sel.group = slash < 0 ? '' : apiVersion.slice(0, slash);
    sel.version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  }
  if (typeof body['kind'] === 'string') sel.kind = body['kind'];
  if (meta.name !== undefined) sel.name = meta.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return sel;
}

function patchStep(p: { patch: string; target?: Selector | undefined }, where: string): Step {
  let body: unknown;
  try {
    body = parseYaml(p.patch);
  } catch (e) {
    throw new PostRenderError(`${where}: the patch is not valid YAML or JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(body)) {
    if (p.target === undefined) throw new PostRenderError(`${where}: a JSON 6902 patch needs a target`);
    const ops = body as JsonPatchOperation[];
    const target = p.target;
    return (o) => {
      if (!matchesSelector(o, target)) return o;
      try {
        return applyJsonPatch(o, ops);
      } catch (e) {
        throw new PostRenderError(`${where} on ${o.kind} ${o.metadata.name}: ${(e as Error).message}`);
      }
    };
  }
  if (body === null || typeof body !== 'object') throw new PostRenderError(`${where}: the patch must be an object or a list of operations`);
  const patch = body as Record<string, unknown>;
  const target = p.target ?? selectorOfPatch(patch);
  const { apiVersion: _a, kind: _k, ...rest } = patch;
  const meta = { ...(rest['metadata'] as Record<string, unknown> | undefined) };
  delete meta['name'];
  delete meta['namespace'];
  const merge = { ...rest, ...(rest['metadata'] !== undefined ? { metadata: meta } : {}) };
  return (o) => (matchesSelector(o, target) ? strategicMerge(o, merge) as KubeObject : o);
}

/** The post-render function of a spec, or undefined when it has nothing to do. Throws PostRenderError for bad patches. */
export function postRendererFor(spec: Pick<HelmReleaseSpec, 'postRenderers' | 'commonMetadata'>): PostRender | undefined {
  const steps: Step[] = [];
  (spec.postRenderers ?? []).forEach((pr, i) => {
    const k = pr.kustomize;
    k?.patches?.forEach((p, j) => steps.push(patchStep(p, `spec.postRenderers[${i}].kustomize.patches[${j}]`)));
    const images = (k?.images ?? []) as ImageOverride[];
    if (images.length > 0) steps.push((o) => { applyImages(o, images); return o; });
  });
  const cm = spec.commonMetadata;
  if (cm !== undefined) steps.push((o) => { applyCommonMetadata(o, cm); return o; });
  if (steps.length === 0) return undefined;
  return (obj) => steps.reduce((o, s) => s(o), structuredClone(obj));
}
