/**
 * Reading ConfigMaps and Secrets a reconciler depends on (valuesFrom, source credentials): from the manager's
 * informer cache when the kind is cached and the object is there, else with a GET (objects outside the
 * cache's label selector). Secret data comes back decoded; it must never be logged.
 */
import type { CacheReader, Kind } from '../../controller/index.ts';
import type { KubeClient, KubeObject } from '../../kube/index.ts';
import { configMapGvk, secretGvk } from './kinds.ts';

export interface ConfigData {
  kind: 'ConfigMap' | 'Secret';
  namespace: string;
  name: string;
  /** every key, decoded (Secret `data` from base64; ConfigMap `binaryData` from base64) */
  data: Record<string, Buffer>;
}

export interface ConfigReader {
  /** undefined when the object does not exist */
  read(kind: 'ConfigMap' | 'Secret', namespace: string, name: string): Promise<ConfigData | undefined>;
}

function decode(kind: 'ConfigMap' | 'Secret', o: KubeObject): ConfigData {
  const data: Record<string, Buffer> = {};
  const raw = (o['data'] ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(raw)) data[k] = kind === 'Secret' ? Buffer.from(v, 'base64') : Buffer.from(v, 'utf8');
  const stringData = (o['stringData'] ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(v, 'utf8');
  const binary = (o['binaryData'] ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(binary)) data[k] = Buffer.from(v, 'base64');
  return { kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name, data };
}

/** A ConfigReader over a cache (optional) and a client. */
export function configReader(kube: KubeClient, cache?: CacheReader): ConfigReader {
  return {
    async read(kind, namespace, name) {
      const gvk: Kind = kind === 'Secret' ? secretGvk : configMapGvk;
      const cached = cache?.has(gvk) ? cache.get(gvk, `${namespace}/${name}`) : undefined;
      const o = cached ?? await kube.get({ apiVersion: 'v1', kind, name, namespace });
      return o === undefined ? undefined : decode(kind, o);
    },
  };
}
