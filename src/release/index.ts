export * from './model.ts';
export * from './errors.ts';
export * from './driver.ts';
export { encodeRelease, decodeRelease, releaseJson } from './codec.ts';
export { formatGoTime, parseGoTime, goTimeNow, goTimeFromDate } from './go-time.ts';
export { MemoryDriver } from './driver-memory.ts';
export { SecretsDriver } from './driver-secrets.ts';
export { Storage, sortByRevision } from './storage.ts';
export { checkReleaseSize, secretDataLimit } from './size-check.ts';
