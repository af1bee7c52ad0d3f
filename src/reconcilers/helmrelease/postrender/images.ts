/**
 * kustomize's `images` transformer: every container image (in any `containers`, `initContainers` or
 * `ephemeralContainers` list of the object) whose name is `name` gets a new name, tag or digest. An image
 * matches when it is `name`, `name:<tag>` or `name@<digest>`; a digest replaces the tag.
 */
import type { KubeObject } from '../../../kube/index.ts';

export interface ImageOverride {
  name: string;
  newName?: string | undefined;
  newTag?: string | undefined;
  digest?: string | undefined;
}

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** The image with the override applied, or undefined when it does not match. */
export function overrideImage(image: string, o: ImageOverride): string | undefined {
  if (image !== o.name && !image.startsWith(`${o.name}:`) && !image.startsWith(`${o.name}@`)) return undefined;
  const rest = image.slice(o.name.length);
  const name = o.newName ?? o.name;
  if (o.digest !== undefined) return `${name}@${o.digest}`;
  if (o.newTag !== undefined) return `${name}:${o.newTag}`;
  return `${name}${rest}`;
}

function walk(v: unknown, overrides: readonly ImageOverride[], inContainers: boolean): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, overrides, inContainers);
    return;
  }
  if (v === null || typeof v !== 'object') return;
  const o = v as Record<string, unknown>;
  if (inContainers && typeof o['image'] === 'string') {
    for (const ov of overrides) {
      const next = overrideImage(o['image'], ov);
      if (next !== undefined) {
        o['image'] = next;
        break;
      }
    }
  }
  for (const [k, x] of Object.entries(o)) walk(x, overrides, containerLists.has(k));
}

/** Rewrites the images of `obj` in place. */
export function applyImages(obj: KubeObject, overrides: readonly ImageOverride[]): void {
  if (overrides.length > 0) walk(obj, overrides, false);
}
