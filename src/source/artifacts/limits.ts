/** Size limits for artifacts and for what is unpacked from them. All values are bytes. */

const MiB = 1024 * 1024;

export interface ArtifactLimits {
  /** a chart archive (.tgz) as stored: 10 MiB, like Flux's `--helm-chart-max-size` */
  chart: number;
  /** a Git tree artifact (.tar.gz) as stored: 50 MiB */
  tree: number;
  /** any one file unpacked from an archive: 5 MiB, like Flux's `--helm-chart-file-max-size` */
  file: number;
  /** everything unpacked from one archive: 100 MiB, Helm's `MaxDecompressedChartSize` */
  unpacked: number;
  /** entries in one archive */
  entries: number;
}

export const DEFAULT_ARTIFACT_LIMITS: Readonly<ArtifactLimits> = Object.freeze({
  chart: 10 * MiB,
  tree: 50 * MiB,
  file: 5 * MiB,
  unpacked: 100 * MiB,
  entries: 100_000,
});

/** What an artifact is; picks the size limit a `put` applies. */
export type ArtifactKind = 'chart' | 'tree';

/** Merges partial limits over the defaults. */
export function artifactLimits(overrides: Partial<ArtifactLimits> = {}): ArtifactLimits {
  const out = { ...DEFAULT_ARTIFACT_LIMITS };
  for (const [k, v] of Object.entries(overrides) as [keyof ArtifactLimits, number | undefined][]) {
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`artifact limit ${k} must be a positive integer, got ${v}`);
    out[k] = v;
  }
  return out;
}

/** `10 MiB`, `512 KiB`, `17 bytes`: for error messages. */
export function formatBytes(n: number): string {
  if (n >= MiB && n % (MiB / 4) === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 256 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
