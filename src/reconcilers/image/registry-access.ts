/**
 * How to reach an ImageRepository's registry: its credentials (`secretRef`, a docker config Secret), TLS
 * material (`certSecretRef`: `ca.crt`, `tls.crt`, `tls.key`, or Flux's older `caFile`, `certFile`, `keyFile`),
 * `insecure` (plain HTTP) and the per-request timeout. Secret contents go to the registry client only.
 */
import { Reason, durationMs, type ImageRepository } from '../../api/index.ts';
import { credentialsFromSecret, parseImageName, type RegistryClientOptions, type TlsOptions } from '../../image/index.ts';
import type { Logger } from '../../observability/logger.ts';
import type { ConfigReader } from '../shared/object-reader.ts';
import { ImageReconcileError, messageOf } from './errors.ts';

export type RegistryAccess = Omit<RegistryClientOptions, 'logger'> & { readonly logger: Logger };

function subjectOf(repo: ImageRepository): string {
  return `ImageRepository ${repo.metadata.namespace ?? 'default'}/${repo.metadata.name}`;
}

async function secretData(reader: ConfigReader, repo: ImageRepository, field: string, name: string): Promise<Record<string, Buffer>> {
  const ns = repo.metadata.namespace ?? 'default';
  const s = await reader.read('Secret', ns, name);
  if (s === undefined) {
    throw new ImageReconcileError(Reason.AuthenticationFailed, subjectOf(repo), `${field}: Secret ${ns}/${name} not found`);
  }
  return s.data;
}

function tlsFrom(data: Record<string, Buffer>): TlsOptions {
  const pick = (...keys: string[]): Buffer | undefined => keys.map((k) => data[k]).find((v) => v !== undefined && v.length > 0);
  const ca = pick('ca.crt', 'caFile');
  const cert = pick('tls.crt', 'certFile');
  const key = pick('tls.key', 'keyFile');
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

/**
 * The registry client options of `repo`. Throws ImageReconcileError: `AuthenticationFailed` when a Secret is
 * missing or its content unusable, `InvalidSpec` (terminal) when the image name does not parse.
 */
export async function registryAccess(repo: ImageRepository, reader: ConfigReader, logger: Logger): Promise<RegistryAccess> {
  const image = repo.spec.image;
  let registry: string;
  try {
    registry = parseImageName(image).registry;
  } catch (e) {
    throw new ImageReconcileError(Reason.InvalidSpec, subjectOf(repo), `spec.image: ${messageOf(e)}`, { cause: e, terminal: true });
  }
  let credentials;
  if (repo.spec.secretRef !== undefined) {
    const data = await secretData(reader, repo, 'spec.secretRef', repo.spec.secretRef.name);
    try {
      credentials = credentialsFromSecret(data, registry, image);
    } catch (e) {
      throw new ImageReconcileError(Reason.AuthenticationFailed, subjectOf(repo), `spec.secretRef: ${messageOf(e)}`, { cause: e });
    }
  }
  const tls = repo.spec.certSecretRef !== undefined
    ? tlsFrom(await secretData(reader, repo, 'spec.certSecretRef', repo.spec.certSecretRef.name))
    : undefined;
  return {
    image, logger,
    insecure: repo.spec.insecure,
    timeoutMs: durationMs(repo.spec.timeout ?? repo.spec.interval),
    ...(credentials !== undefined ? { credentials } : {}),
    ...(tls !== undefined ? { tls } : {}),
  };
}

/** A signal that aborts with `signal` or after the repository's timeout (`spec.timeout`, else `interval`). */
export function scanSignal(repo: ImageRepository, signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(Math.max(1000, durationMs(repo.spec.timeout ?? repo.spec.interval)))]);
}
