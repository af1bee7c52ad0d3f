/**
 * One scan of an ImageRepository: every tag of the image, less the ones `exclusionList` leaves out, stamped
 * with the time the scan finished (Flux's `lastScanResult`).
 */
import { compileExclusions, DEFAULT_EXCLUSION_LIST } from './exclusion.ts';
import { ImageRegistryClient, type RegistryClientOptions } from './registry-client.ts';

export interface ScanOptions extends RegistryClientOptions {
  /** RE2 patterns of tags to leave out (default Flux's `^.*\.sig$`; `[]` keeps every tag) */
  readonly exclusionList?: readonly string[] | undefined;
  readonly signal?: AbortSignal | undefined;
  /** the clock, for tests */
  readonly now?: (() => Date) | undefined;
}

export interface ScanResult {
  /** the tags, in the registry's order, without excluded ones */
  readonly tags: string[];
  readonly scanTime: Date;
  /** `registry/repository`, e.g. `index.docker.io/library/alpine` */
  readonly canonicalImageName: string;
  /** how many tags the exclusion list left out */
  readonly excluded: number;
}

/**
 * Lists the image's tags. Throws ImageRegistryError: `InvalidImage` or `InvalidExclusion` before any request,
 * then `Unauthorized`, `NotFound`, `Unreachable`, `RegistryError`, `InvalidResponse`.
 */
export async function scanImage(o: ScanOptions): Promise<ScanResult> {
  const client = new ImageRegistryClient(o);
  try {
    const excluded = compileExclusions(o.exclusionList ?? DEFAULT_EXCLUSION_LIST, o.image);
    const all = await client.listTags(o.signal);
    const tags = [...new Set(all)].filter((t) => !excluded(t));
    return { tags, scanTime: (o.now ?? (() => new Date()))(), canonicalImageName: client.name.canonical, excluded: all.length - tags.length };
  } finally {
    client.close();
  }
}

/** The `latestTags` of a scan result for status: the ten greatest tags by name, descending (as Flux reports). */
export function latestTags(tags: readonly string[], n = 10): string[] {
  return [...tags].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)).slice(0, n);
}
