/**
 * HTTP(S) Helm chart repositories: a streamed, memory-bounded `index.yaml` reader with ETag/Last-Modified
 * caching, Helm's version resolution and error words, and chart downloads checked against the index digest.
 *
 * ```ts
 * const repo = new HelmRepositoryClient({ url: 'https://charts.example.com', logger });
 * const entry = await repo.resolve('podinfo', '^6');        // conditional GET of index.yaml, podinfo kept
 * const { tgz, digest } = await repo.download(entry);        // sha256 checked against the index
 * repo.close();
 * ```
 */
export {
  HelmRepositoryClient,
  DEFAULT_MAX_CHART_SIZE,
  DEFAULT_MAX_INDEX_SIZE,
  type HelmRepositoryClientOptions,
  type HelmIndex,
  type CallOptions,
} from './client.ts';
export type { ChartDownload } from './download.ts';
export { HelmRepositoryError, type HelmRepositoryErrorCode } from './errors.ts';
export { HttpError, type HttpErrorCode, type TlsOptions } from './http-client.ts';
export type { ChartVersionEntry } from './index-entry.ts';
export { IndexScanner, IndexScanUnsupported, type IndexScan } from './index-scanner.ts';
export { parseIndexDocument } from './index-document.ts';
export { resolveChartVersion, selectVersion, sortNewestFirst } from './resolve.ts';
export { resolveReferenceUrl, indexUrl } from './url.ts';
export { redactUrl } from './redact.ts';
