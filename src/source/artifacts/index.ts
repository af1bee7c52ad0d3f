/**
 * The artifact store shared by the source controllers (chart archives and Git trees, content-addressed by
 * `sha256:<hex>`, with garbage collection), size limits, reproducible packing and safe unpacking of tar
 * archives.
 *
 * ```ts
 * const store = await ArtifactStore.open({ root: '/var/lib/capstan/artifacts', log });
 * const a = await store.put(chartTgzBytes, { kind: 'chart' });     // TooLarge over 10 MiB
 * await unpackArchive(a.path, dir);                               // UnsafeArchive for `..`, links out, devices
 * await store.gc(new Set(digestsStillInStatus));
 * ```
 */
export { ArtifactStore } from './store.ts';
export type { ArtifactInput, ArtifactStoreOptions, GcOptions, GcResult, PutOptions, StoredArtifact } from './store.ts';
export { digestOf, isDigest, parseDigest } from './digest.ts';
export type { Digest } from './digest.ts';
export { ArtifactError, isArtifactError } from './errors.ts';
export type { ArtifactErrorCode } from './errors.ts';
export { DEFAULT_ARTIFACT_LIMITS, artifactLimits, formatBytes } from './limits.ts';
export type { ArtifactKind, ArtifactLimits } from './limits.ts';
export { packFiles } from './pack.ts';
export { inspectArchive, unpackArchive } from './unpack.ts';
export type { ArchiveEntryInfo, ArchiveSummary, UnpackLimits } from './unpack.ts';
export { EntryChecker, safeRelative } from './entry-safety.ts';
export type { EntryHeader, EntryVerdict } from './entry-safety.ts';
export { KeyedMutex, Mutex } from './mutex.ts';
