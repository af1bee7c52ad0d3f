export * from './object.ts';
export * from './errors.ts';
export { KubeClient, fieldManager, type ApplyOptions } from './client.ts';
export { health, podProblem, type Health, type HealthStatus } from './health.ts';
export { waitForReady, WaitError, type NotReady, type WaitOptions } from './wait.ts';
export { LeaseClient, type LeaseState } from './lease.ts';
export { rawGet, rawRequest, listPage, watchEvents, type ListPage, type ListQuery, type WatchEvent } from './raw.ts';
export { serverVersion, apiVersionSet, type ServerVersion } from './discovery.ts';
