/**
 * Flux v1 style image automation of a HelmRelease, without any Git write: read which containers of `values`
 * are automated and by which tag filter, and compute the patched `values` for new tags (the reconciler patches
 * the HelmRelease with them).
 *
 * A container without a tag annotation uses Flux v1's default filter, `glob:*` (any tag but `latest`).
 */
import { compilePolicy, isPolicyError, parseFluxV1Policy, type TagPolicy } from '../policy/index.ts';
import { automatedFlag, imageMappings, lockedFlag, tagFilters, type Annotations } from './keys.ts';
import { refName } from './image-ref.ts';
import { findValuesImages } from './values-images.ts';

export const DEFAULT_TAG_FILTER = 'glob:*';

/** The minimal HelmRelease shape read here (any API version: Capstan's or Flux v1's). */
export interface HelmReleaseLike {
  readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> | undefined } | undefined;
  readonly spec?: { readonly values?: unknown } | undefined;
}

export interface AutomatedContainer {
  /** `chart-image`, the top-level key, or the mapping alias */
  readonly name: string;
  /** the repository without tag, registry included when written (`ghcr.io/org/app`, `nginx`) */
  readonly image: string;
  /** the current tag, '' when none is written */
  readonly tag: string;
  /** the filter text (`semver:~1.2`), DEFAULT_TAG_FILTER when no annotation names one */
  readonly filter: string;
  /** the annotation the filter came from */
  readonly filterAnnotation?: string | undefined;
  readonly policy: TagPolicy;
  /** why the filter cannot be used (the policy does not compile), naming the annotation */
  readonly invalid?: string | undefined;
  /** the `values` paths the image is read from and written to */
  readonly paths: readonly string[];
}

export interface ImageAutomation {
  /** `…/automated: "true"` is set */
  readonly automated: boolean;
  /** `…/locked` or `fluxcd.io/ignore` holds automation off */
  readonly locked: boolean;
  /** every image found, automated or not */
  readonly containers: AutomatedContainer[];
}

export class ImageAutomationError extends Error {
  readonly code = 'UnknownContainer' as const;
  readonly container: string;
  constructor(container: string, known: readonly string[]) {
    super(`container ${JSON.stringify(container)} is not an image in values (found: ${known.length > 0 ? known.join(', ') : 'none'})`);
    this.name = 'ImageAutomationError';
    this.container = container;
  }
}

function annotationsOf(hr: HelmReleaseLike): Annotations {
  return hr.metadata?.annotations ?? {};
}

/** Reads the automation of a HelmRelease. */
export function readImageAutomation(hr: HelmReleaseLike): ImageAutomation {
  const a = annotationsOf(hr);
  const filters = tagFilters(a);
  const containers = findValuesImages(hr.spec?.values, imageMappings(a)).map((img): AutomatedContainer => {
    const f = filters.get(img.container);
    const filter = f?.filter ?? DEFAULT_TAG_FILTER;
    const policy = parseFluxV1Policy(filter);
    let invalid: string | undefined;
    try {
      compilePolicy(policy);
    } catch (e) {
      if (!isPolicyError(e)) throw e;
      invalid = `annotation ${f?.key ?? 'default'}: ${JSON.stringify(filter)}: ${e.message}`;
    }
    return {
      name: img.container, image: refName(img.ref), tag: img.ref.tag, filter, policy, paths: img.paths,
      ...(f !== undefined ? { filterAnnotation: f.key } : {}),
      ...(invalid !== undefined ? { invalid } : {}),
    };
  });
  return { automated: automatedFlag(a).value, locked: lockedFlag(a), containers };
}

const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * `values` with the tags of the named containers replaced (a deep copy; the HelmRelease is not touched), each
 * written in the shape it was found in. Throws ImageAutomationError for a container that is not there, and a
 * plain Error for a tag that is not a valid image tag.
 */
export function patchValuesTags(hr: HelmReleaseLike, tags: Readonly<Record<string, string>>): Record<string, unknown> {
  const values = structuredClone(hr.spec?.values ?? {}) as Record<string, unknown>;
  const images = findValuesImages(values, imageMappings(annotationsOf(hr)));
  for (const [container, tag] of Object.entries(tags)) {
    if (!TAG.test(tag)) throw new Error(`container ${container}: ${JSON.stringify(tag)} is not a valid image tag`);
    const img = images.find((i) => i.container === container);
    if (img === undefined) throw new ImageAutomationError(container, images.map((i) => i.container));
    img.set({ ...img.ref, tag });
  }
  return values;
}
