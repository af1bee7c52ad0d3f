/**
 * Pushes tiny container images to a registry through the registry v2 API itself, without Docker: one layer
 * blob (shared), one config blob per tag (the tag is in a label, so every tag has its own manifest digest), then
 * `PUT /v2/<name>/manifests/<tag>` with an OCI image manifest. Answers `Basic` and `Bearer` challenges with the
 * given credentials (a token scoped `pull,push` from the realm).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface PushImageOptions {
  /** `host:port` */
  readonly host: string;
  /** the repository path, e.g. `team/app` */
  readonly repository: string;
  readonly tags: readonly string[];
  readonly credentials?: { readonly username: string; readonly password: string };
  readonly protocol?: 'http' | 'https';
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

function sha256(b: Uint8Array): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

function parseChallenge(h: string): { scheme: string; params: Record<string, string> } {
  const [scheme = '', ...rest] = h.split(' ');
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g)) params[m[1] ?? ''] = m[2] ?? '';
  return { scheme: scheme.toLowerCase(), params };
}

/** A fetch that answers the registry's challenge once and then reuses the authorization. */
class Pusher {
  readonly #o: PushImageOptions;
  readonly #base: string;
  #authorization: string | undefined;

  constructor(o: PushImageOptions) {
    this.#o = o;
    this.#base = `${o.protocol ?? 'http'}://${o.host}`;
  }

  url(path: string): string {
    return path.startsWith('http') ? path : `${this.#base}${path}`;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const send = (): Promise<Response> => fetch(this.url(path), {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), ...(this.#authorization !== undefined ? { authorization: this.#authorization } : {}) },
    });
    const res = await send();
    if (res.status !== 401) return res;
    await res.arrayBuffer();
    this.#authorization = await this.#answer(res.headers.get('www-authenticate') ?? '');
    return send();
  }

  async #answer(challenge: string): Promise<string> {
    const c = this.#o.credentials;
    if (c === undefined) throw new Error(`push to ${this.#o.host}: the registry wants credentials`);
    const basic = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
    const ch = parseChallenge(challenge);
    if (ch.scheme === 'basic') return basic;
    const realm = new URL(ch.params['realm'] ?? '');
    realm.searchParams.set('service', ch.params['service'] ?? '');
    realm.searchParams.set('scope', `repository:${this.#o.repository}:pull,push`);
    const res = await fetch(realm, { headers: { authorization: basic } });
    if (!res.ok) throw new Error(`push to ${this.#o.host}: token service answered ${res.status}`);
    const body = await res.json() as { token?: string };
    return `Bearer ${body.token ?? ''}`;
  }
}

async function uploadBlob(p: Pusher, repo: string, bytes: Uint8Array): Promise<string> {
  const digest = sha256(bytes);
  const head = await p.fetch(`/v2/${repo}/blobs/${digest}`, { method: 'HEAD' });
  if (head.status === 200) return digest;
  const start = await p.fetch(`/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  await start.arrayBuffer();
  const location = start.headers.get('location');
  if (start.status !== 202 || location === null) throw new Error(`blob upload start: ${start.status}`);
  const put = new URL(p.url(location));
  put.searchParams.set('digest', digest);
  const res = await p.fetch(put.href, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
  if (res.status !== 201) throw new Error(`blob upload: ${res.status} ${await res.text()}`);
  return digest;
}

/** Pushes one image per tag; returns tag → manifest digest (as the registry's Docker-Content-Digest). */
export async function pushImage(o: PushImageOptions): Promise<Record<string, string>> {
  const p = new Pusher(o);
  const tar = Buffer.alloc(1024); // an empty tar archive: two zero blocks
  const layer = gzipSync(tar);
  const layerDigest = await uploadBlob(p, o.repository, layer);
  const out: Record<string, string> = {};
  for (const tag of o.tags) {
    const config = Buffer.from(JSON.stringify({
      architecture: 'amd64', os: 'linux', created: '2024-01-01T00:00:00Z',
      config: { Labels: { 'org.opencontainers.image.version': tag } },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }));
    const configDigest = await uploadBlob(p, o.repository, config);
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2, mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
    }));
    const res = await p.fetch(`/v2/${o.repository}/manifests/${tag}`, { method: 'PUT', headers: { 'content-type': OCI_MANIFEST }, body: manifest });
    if (res.status !== 201) throw new Error(`manifest ${tag}: ${res.status} ${await res.text()}`);
    out[tag] = res.headers.get('docker-content-digest') ?? sha256(manifest);
  }
  return out;
}
