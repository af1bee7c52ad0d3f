/**
 * Image names as `ImageRepository.spec.image` holds them: `[host[:port]/]path`, no tag, no digest. The rules are
 * the distribution reference grammar Docker and go-containerregistry use: the first component is a registry
 * when it has a `.` or a `:`, or is `localhost`; otherwise the image is on Docker Hub, whose API host is
 * `registry-1.docker.io`, whose canonical name is `index.docker.io`, and whose one-component names live under
 * `library/`.
 */
import { ImageRegistryError } from './errors.ts';

const HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
export const DOCKER_HUB = 'index.docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?$/;

export interface ImageName {
  /** the image as given */
  readonly image: string;
  /** `host[:port]` credentials are looked up for (`index.docker.io` for Docker Hub) */
  readonly registry: string;
  /** `host[:port]` the API is called on (`registry-1.docker.io` for Docker Hub) */
  readonly apiHost: string;
  /** the repository path in the registry (`library/alpine`) */
  readonly repository: string;
  /** `registry/repository`, as Flux reports `canonicalImageName` */
  readonly canonical: string;
}

function invalid(image: string, why: string): ImageRegistryError {
  return new ImageRegistryError('InvalidImage', image, `invalid image name ${JSON.stringify(image)}: ${why}`);
}

/** Splits and checks an image name; throws ImageRegistryError `InvalidImage`. */
export function parseImageName(image: string): ImageName {
  if (image === '' || image.trim() !== image) throw invalid(image, 'empty or surrounded by white space');
  if (image.includes('@')) throw invalid(image, 'a digest does not belong in the image name');
  const parts = image.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : DOCKER_HUB;
  const path = hasHost ? parts.slice(1) : parts;
  if (hasHost && !HOST.test(host)) throw invalid(image, `bad registry host ${JSON.stringify(host)}`);
  for (const c of path) {
    if (c.includes(':')) throw invalid(image, 'a tag does not belong in the image name');
    if (!COMPONENT.test(c)) throw invalid(image, `bad path component ${JSON.stringify(c)} (lower-case letters, digits and . _ - only)`);
  }
  const hub = HUB_NAMES.has(host.toLowerCase());
  const registry = hub ? DOCKER_HUB : host;
  const repository = hub && path.length === 1 ? `library/${path[0] ?? ''}` : path.join('/');
  return { image, registry, apiHost: hub ? DOCKER_HUB_API : host, repository, canonical: `${registry}/${repository}` };
}
