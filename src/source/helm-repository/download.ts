/** Downloading one chart archive from an index entry, with its sha256 checked against the entry's digest. */
import { createHash } from 'node:crypto';
import type { Logger } from '../../observability/logger.ts';
import { HelmRepositoryError } from './errors.ts';
import { HttpError, readBody, type HttpClient } from './http-client.ts';
import type { ChartVersionEntry } from './index-entry.ts';
import { redactUrl } from './redact.ts';
import { resolveReferenceUrl } from './url.ts';

/** A downloaded chart archive. */
export interface ChartDownload {
  /** the `.tgz` bytes, unchanged */
  readonly tgz: Uint8Array;
  /** `sha256:<hex>` of `tgz` */
  readonly digest: string;
  /** where it came from (credentials removed) */
  readonly url: string;
}

export interface DownloadRequest {
  readonly repoUrl: string;
  readonly entry: ChartVersionEntry;
  readonly maxSize: number;
  readonly authorization?: string;
  readonly authOrigin?: string;
  readonly signal?: AbortSignal;
}

export async function downloadChart(http: HttpClient, req: DownloadRequest, log: Logger): Promise<ChartDownload> {
  const { entry } = req;
  const what = `chart "${entry.name}" version "${entry.version}"`;
  const first = entry.urls[0];
  if (first === undefined || first === '') {
    throw new HelmRepositoryError('NoChartURL', req.repoUrl, `${what} has no downloadable URLs`);
  }
  let url: URL;
  try {
    url = new URL(resolveReferenceUrl(req.repoUrl, first));
  } catch (e) {
    throw new HelmRepositoryError('ChartDownloadFailed', req.repoUrl, `${what}: failed to make chart URL absolute: ${first}`, { cause: e });
  }
  const shown = redactUrl(url);
  let tgz: Buffer;
  try {
    const res = await http.request({
      url,
      ...(req.authorization !== undefined ? { authorization: req.authorization } : {}),
      ...(req.authOrigin !== undefined ? { authOrigin: req.authOrigin } : {}),
      ...(req.signal !== undefined ? { signal: req.signal } : {}),
    });
    if (res.status !== 200) {
      res.body.resume();
      throw new HelmRepositoryError('ChartDownloadFailed', url, `failed to fetch ${shown} : ${res.status} ${res.statusText}`, { httpStatus: res.status });
    }
    tgz = await readBody(res, req.maxSize);
  } catch (e) {
    if (e instanceof HelmRepositoryError) throw e;
    if (e instanceof HttpError && e.code === 'TooLarge') {
      throw new HelmRepositoryError('ChartTooLarge', url, `${what}: ${shown} is larger than the limit of ${req.maxSize} bytes`, { cause: e });
    }
    throw new HelmRepositoryError('ChartDownloadFailed', url, `${what}: ${(e as Error).message}`, { cause: e });
  }
  const hex = createHash('sha256').update(tgz).digest('hex');
  const want = normalizeDigest(entry.digest);
  if (want !== undefined && want !== hex) {
    throw new HelmRepositoryError('DigestMismatch', url,
      `${what}: digest mismatch: the index says sha256:${want}, the archive from ${shown} has sha256:${hex}`);
  }
  log.debug({ chart: entry.name, version: entry.version, bytes: tgz.length, verified: want !== undefined }, 'chart downloaded');
  return { tgz: new Uint8Array(tgz.buffer, tgz.byteOffset, tgz.byteLength), digest: `sha256:${hex}`, url: shown };
}

/** The hex of an index digest (`<hex>` or `sha256:<hex>`), lower-cased; undefined when absent. */
export function normalizeDigest(d: string | undefined): string | undefined {
  if (d === undefined || d === '') return undefined;
  return d.replace(/^sha256:/i, '').toLowerCase();
}
