/**
 * All API-server IO for objects of any kind: server-side apply (field manager `capstan` unless the caller
 * names its own), get, delete, list. REST mapping (kind → resource, namespaced or not) comes from discovery,
 * cached per client.
 */
import { KubeConfig, KubernetesObjectApi, CoreV1Api, type KubernetesObject } from '@kubernetes/client-node';
import { isNotFound, toKubeError } from './errors.ts';
import { rawRequest } from './raw.ts';
import { describeRef, type KubeObject, type ObjectRef } from './object.ts';

/** The field manager of Helm releases' applies (and of status patches). */
export const fieldManager = 'capstan';

export interface ApplyOptions {
  /** take ownership of fields other managers own (SSA force); default true, as controllers do */
  force?: boolean;
  dryRun?: boolean;
  /** the field manager to apply as (default `capstan`) */
  fieldManager?: string;
}

/** Exposes the library's cached discovery lookup (protected there). */
class ObjectApi extends KubernetesObjectApi {
  static make(kc: KubeConfig): ObjectApi {
    const api = kc.makeApiClient(ObjectApi);
    api.setDefaultNamespace(kc);
    return api;
  }

  discover(apiVersion: string, kind: string) {
    return this.resource(apiVersion, kind);
  }
}

export class KubeClient {
  readonly kc: KubeConfig;
  readonly objects: ObjectApi;
  readonly core: CoreV1Api;

  constructor(kc: KubeConfig) {
    this.kc = kc;
    this.objects = ObjectApi.make(kc);
    this.core = kc.makeApiClient(CoreV1Api);
  }

  static fromFile(path: string): KubeClient {
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    return new KubeClient(kc);
  }

  /**
   * Server-side apply of one object; returns what the server stored (or would store, on dry run). The body is
   * sent as raw JSON: the typed client would round-trip built-in kinds through its models and drop unknown
   * keys such as a CRD's `x-kubernetes-*` schema extensions.
   */
  async apply(obj: KubeObject, opts: ApplyOptions = {}): Promise<KubeObject> {
    try {
      const path = await this.resourcePath(obj.apiVersion, obj.kind, obj.metadata.name, obj.metadata.namespace);
      const q = new URLSearchParams({ fieldManager: opts.fieldManager ?? fieldManager, force: String(opts.force ?? true) });
      if (opts.dryRun) q.set('dryRun', 'All');
      return await rawRequest<KubeObject>(this.kc, 'PATCH', `${path}?${q}`, JSON.stringify(obj), 'application/apply-patch+yaml');
    } catch (e) {
      throw toKubeError(e, `apply ${describeRef(refFrom(obj))}`);
    }
  }

  /** The REST path of an object, from discovery (`/apis/apps/v1/namespaces/x/deployments/web`). */
  async resourcePath(apiVersion: string, kind: string, name: string, namespace?: string): Promise<string> {
    const r = await this.objects.discover(apiVersion, kind);
    if (!r) throw Object.assign(new Error(`no matches for kind "${kind}" in version "${apiVersion}"`), { code: 404 });
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
    return `${base}${ns}/${r.name}/${encodeURIComponent(name)}`;
  }

  /** The live object, or undefined when it does not exist. */
  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    try {
      return await this.objects.read<KubernetesObject>(toSpec(ref)) as KubeObject;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw toKubeError(e, `get ${describeRef(ref)}`);
    }
  }

  /** Deletes with background propagation; true if it existed. */
  async delete(ref: ObjectRef): Promise<boolean> {
    try {
      await this.objects.delete(toSpec(ref), undefined, undefined, undefined, undefined, 'Background');
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw toKubeError(e, `delete ${describeRef(ref)}`);
    }
  }

  async list(apiVersion: string, kind: string, namespace?: string, labelSelector?: string): Promise<KubeObject[]> {
    try {
      const res = await this.objects.list(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, labelSelector);
      return res.items as KubeObject[];
    } catch (e) {
      throw toKubeError(e, `list ${kind}${namespace ? ` in ${namespace}` : ''}`);
    }
  }

  /** Whether a kind is namespaced, from discovery (cached by the client library). */
  async isNamespaced(apiVersion: string, kind: string): Promise<boolean> {
    const r = await this.objects.discover(apiVersion, kind);
    if (!r) throw toKubeError(Object.assign(new Error(`no matches for kind "${kind}" in version "${apiVersion}"`), { code: 404 }), 'discovery');
    return r.namespaced;
  }
}

function refFrom(o: KubeObject): ObjectRef {
  const r: ObjectRef = { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name };
  if (o.metadata.namespace) r.namespace = o.metadata.namespace;
  return r;
}

function toSpec(ref: ObjectRef): KubernetesObject & { metadata: { name: string } } {
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
}
