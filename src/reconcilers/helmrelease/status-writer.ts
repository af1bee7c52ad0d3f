/**
 * Writing a HelmRelease's status during one reconcile: only what changed since the last write (nothing when
 * nothing changed), and, for the final write, waiting until the informer cache has the new version so the
 * next reconcile of the key does not start from a stale status.
 */
import type { CacheReader } from '../../controller/index.ts';
import type { KubeClient } from '../../kube/index.ts';
import { helmReleaseGvk } from '../shared/kinds.ts';
import { patchStatus } from '../shared/object-writes.ts';
import type { HelmReleaseObject } from './actions/context.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** resourceVersions are opaque, but the API server's are etcd revisions: compare numerically when they are numbers. */
function atLeast(have: string | undefined, want: string): boolean {
  if (have === undefined) return false;
  if (/^\d+$/.test(have) && /^\d+$/.test(want)) return BigInt(have) >= BigInt(want);
  return have === want;
}

export class StatusWriter {
  readonly #kube: KubeClient;
  readonly #obj: HelmReleaseObject;
  #written: unknown;
  #resourceVersion: string | undefined;

  constructor(kube: KubeClient, obj: HelmReleaseObject) {
    this.#kube = kube;
    this.#obj = obj;
    this.#written = structuredClone(obj.status ?? {});
  }

  /** Patches the status if it changed since the last write; returns whether it wrote. */
  async write(): Promise<boolean> {
    const stored = await patchStatus(this.#kube, this.#obj, this.#written, this.#obj.status ?? {});
    if (stored === undefined) return false;
    this.#written = structuredClone(this.#obj.status ?? {});
    this.#resourceVersion = stored.metadata.resourceVersion;
    return true;
  }

  /** After the last write: waits (up to `timeoutMs`) until the cache has caught up with it. */
  async settle(cache: CacheReader, key: string, timeoutMs = 2000): Promise<void> {
    const want = this.#resourceVersion;
    if (want === undefined) return;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (atLeast(cache.get(helmReleaseGvk, key)?.metadata.resourceVersion, want)) return;
      await sleep(25);
    }
  }
}
