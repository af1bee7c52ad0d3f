/**
 * A toy controller for the controller-* integration tests: copies each ConfigMap's data into a Secret of the
 * same name that it owns. Level-based: it reads both from the cache and writes only when they differ.
 * Labels on the ConfigMap make it fail: `mode=fail` (transient error), `mode=terminal` (TerminalError).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { TerminalError, type Controller, type Kind, type ReconcileContext, type Result } from '../../src/controller/index.ts';
import { KubeClient, type KubeObject } from '../../src/kube/index.ts';

export const configMapKind: Kind = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps' };
export const secretKind: Kind = { apiVersion: 'v1', kind: 'Secret', plural: 'secrets' };
export const toyLabel = 'capstan.dev/toy';

export interface ToyController extends Controller {
  /** every reconcile, in order: `key` */
  readonly reconciles: string[];
}

type Data = Record<string, string>;

export function copyController(kc: KubeConfig, name = 'copy', hooks: { before?: (key: string, ctx: ReconcileContext) => Promise<void> } = {}): ToyController {
  const client = new KubeClient(kc);
  const reconciles: string[] = [];
  return {
    name,
    kind: configMapKind,
    reconciles,
    async reconcile(key: string, ctx: ReconcileContext): Promise<Result> {
      reconciles.push(key);
      await hooks.before?.(key, ctx);
      const cm = ctx.cache.get(configMapKind, key);
      if (cm === undefined) return {}; // gone: the garbage collector removes the Secret it owned
      const mode = cm.metadata.labels?.['mode'];
      if (mode === 'fail') throw new Error('transient failure');
      if (mode === 'terminal') throw new TerminalError('ConfigMap asks for a terminal failure');
      const want = encode((cm['data'] ?? {}) as Data);
      const have = ctx.cache.get(secretKind, key);
      if (have !== undefined && same((have['data'] ?? {}) as Data, want)) return {};
      const secret: KubeObject = {
        apiVersion: 'v1', kind: 'Secret',
        metadata: {
          name: ctx.name, namespace: ctx.namespace, labels: { [toyLabel]: 'yes' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: ctx.name, uid: cm.metadata.uid ?? '', controller: true }],
        },
        data: want,
      };
      await client.apply(secret);
      ctx.log.info('secret written');
      return {};
    },
  };
}

const encode = (d: Data): Data => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));

function same(a: Data, b: Data): boolean {
  const ka = Object.keys(a).sort();
  return JSON.stringify(ka) === JSON.stringify(Object.keys(b).sort()) && ka.every((k) => a[k] === b[k]);
}
