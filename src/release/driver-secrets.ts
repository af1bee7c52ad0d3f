/**
 * The Secrets driver, exactly as Helm's (pkg/storage/driver/secrets.go): one Secret per revision named
 * `sh.helm.release.v1.<name>.v<N>`, type `helm.sh/release.v1`, labels name/owner/status/version plus
 * createdAt (on create) or modifiedAt (on update) and the custom labels, data `release` = base64(gzip(json)).
 */
import type { CoreV1Api, V1Secret } from '@kubernetes/client-node';
import { decodeRelease, encodeRelease } from './codec.ts';
import { ReleaseError, releaseExists, releaseNotFound } from './errors.ts';
import { recordLabels, systemLabels, type Driver } from './driver.ts';
import type { Release } from './model.ts';
import { checkReleaseSize } from './size-check.ts';

const httpStatus = (e: unknown): number | undefined => (e as { code?: number }).code;

export class SecretsDriver implements Driver {
  readonly name = 'Secret';
  readonly #core: CoreV1Api;
  readonly #namespace: string;

  constructor(core: CoreV1Api, namespace: string) {
    this.#core = core;
    this.#namespace = namespace;
  }

  async get(key: string): Promise<Release> {
    let secret: V1Secret;
    try {
      secret = await this.#core.readNamespacedSecret({ name: key, namespace: this.#namespace });
    } catch (e) {
      if (httpStatus(e) === 404) throw releaseNotFound();
      throw new ReleaseError('StorageFailed', `get: failed to get "${key}"`, { cause: e });
    }
    const r = this.#decode(secret);
    // Get strips the system labels (they are not custom labels)
    const labels = { ...secret.metadata?.labels };
    for (const l of systemLabels) delete labels[l];
    if (Object.keys(labels).length > 0) r.labels = labels;
    return r;
  }

  async list(filter: (r: Release) => boolean): Promise<Release[]> {
    return (await this.#listSecrets('owner=helm')).filter(filter);
  }

  async query(labels: Readonly<Record<string, string>>): Promise<Release[]> {
    const selector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
    const out = await this.#listSecrets(selector);
    if (out.length === 0) throw releaseNotFound();
    return out;
  }

  async create(key: string, r: Release): Promise<void> {
    const body = this.#secret(key, r, { createdAt: String(Math.floor(Date.now() / 1000)) });
    try {
      await this.#core.createNamespacedSecret({ namespace: this.#namespace, body });
    } catch (e) {
      if (httpStatus(e) === 409) throw releaseExists();
      throw new ReleaseError('StorageFailed', `create: failed to create: ${errorMessage(e)}`, { cause: e });
    }
  }

  async update(key: string, r: Release): Promise<void> {
    const body = this.#secret(key, r, { modifiedAt: String(Math.floor(Date.now() / 1000)) });
    try {
      await this.#core.replaceNamespacedSecret({ name: key, namespace: this.#namespace, body });
    } catch (e) {
      if (httpStatus(e) === 404) throw releaseNotFound();
      throw new ReleaseError('StorageFailed', `update: failed to update: ${errorMessage(e)}`, { cause: e });
    }
  }

  async delete(key: string): Promise<Release> {
    const r = await this.get(key);
    try {
      await this.#core.deleteNamespacedSecret({ name: key, namespace: this.#namespace });
    } catch (e) {
      if (httpStatus(e) === 404) throw releaseNotFound();
      throw new ReleaseError('StorageFailed', `delete: failed to delete "${key}": ${errorMessage(e)}`, { cause: e });
    }
    return r;
  }

  #secret(key: string, r: Release, extra: Record<string, string>): V1Secret {
    const encoded = encodeRelease(r);
    checkReleaseSize(r, encoded);
    return {
      apiVersion: 'v1', kind: 'Secret', type: 'helm.sh/release.v1',
      metadata: {
        name: key, namespace: this.#namespace, labels: recordLabels(r, extra),
        ...(r.annotations && Object.keys(r.annotations).length > 0 ? { annotations: r.annotations } : {}),
      },
      data: { release: Buffer.from(encoded).toString('base64') },
    };
  }

  #decode(secret: V1Secret): Release {
    const data = secret.data?.['release'];
    if (data === undefined) throw new ReleaseError('InvalidRelease', `secret ${secret.metadata?.name} has no release data`);
    const r = decodeRelease(Buffer.from(data, 'base64').toString('latin1'));
    const ann = secret.metadata?.annotations;
    if (ann && Object.keys(ann).length > 0) r.annotations = { ...ann };
    return r;
  }

  async #listSecrets(labelSelector: string): Promise<Release[]> {
    const list = await this.#core.listNamespacedSecret({ namespace: this.#namespace, labelSelector })
      .catch((e: unknown) => { throw new ReleaseError('StorageFailed', `list: failed to list: ${errorMessage(e)}`, { cause: e }); });
    const out: Release[] = [];
    for (const s of list.items) {
      try {
        const r = this.#decode(s);
        r.labels = { ...s.metadata?.labels };
        out.push(r);
      } catch {
        // Helm skips records it cannot decode
      }
    }
    return out;
  }
}

function errorMessage(e: unknown): string {
  const body = (e as { body?: unknown }).body;
  if (typeof body === 'string') {
    try { return (JSON.parse(body) as { message?: string }).message ?? body; } catch { return body; }
  }
  return e instanceof Error ? e.message : String(e);
}
