/**
 * The generic controller machinery (Capstan's controller-runtime): Manager, controllers, informers and their
 * caches, the work queue and its rate limiters, leader election, metrics and probes.
 */
export { Manager, type AddControllerOptions, type ControllerBuilder, type ManagerState, type Readiness, type WatchOptions } from './manager.ts';
export { managerSettings, type ManagerOptions, type ManagerSettings } from './manager-options.ts';
export { reconcilerFunc, type Controller, type ReconcileContext, type Reconciler, type Result } from './reconcile.ts';
export { TerminalError, isTerminal, ControllerError, type ControllerErrorCode } from './errors.ts';
export { kindId, objectKey, splitKey, resourcePath, type Kind } from './kind.ts';
export { enqueueMapped, generationChanged, generationOrMetadataChanged, ownerKeys, selfKey, type MapFunc, type Predicate } from './handler.ts';
export { InformerCache, type CacheReader } from './cache.ts';
export { Informer, type EventHandler, type InformerOptions, type InformerStats } from './informer.ts';
export { Store, namespaceIndex, type IndexFunc, type StoreReader } from './store.ts';
export { WorkQueue, type QueueMetrics, type WorkQueueOptions } from './queue.ts';
export { ExponentialFailureRateLimiter, MaxOfRateLimiter, TokenBucketRateLimiter, defaultControllerRateLimiter, type RateLimiter } from './rate-limiter.ts';
export { LeaderElector, identity, type ElectorState, type LeaderElectionOptions } from './leader-election.ts';
export { Metrics, type MetricsOptions, type ReconcileResultLabel } from './metrics.ts';
export { ControllerRunner, type WatchSource } from './controller-runner.ts';
export { settle, type ReconcileOutcome } from './requeue.ts';
export { parseListenAddr } from './http-endpoints.ts';
export { shutdownSignal } from './signals.ts';
