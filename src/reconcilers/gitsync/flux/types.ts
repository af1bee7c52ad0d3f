/**
 * What translating a Flux document yields: the Capstan object, and every field that did not carry over,
 * each with why. Nothing is dropped without a note: a field Capstan cannot honour is either `ignored` (the
 * object is applied without it, and the GitSync reports it in a condition and an Event) or `rejected` (the
 * document fails the build with its file and line, because applying it without the field would do
 * something else than what it asks for: another cluster, unverified charts, other values).
 */

/** One field of the Flux document that Capstan does not carry over. */
export interface FieldNote {
  /** Kubernetes-style field path in the Flux document, e.g. `spec.install.strategy` */
  path: string;
  /** why it does not carry over, e.g. "Capstan has no install strategies" */
  reason: string;
}

export interface FluxTranslation {
  /** the Capstan object to apply in place of the Flux one */
  object: Record<string, unknown>;
  /** `apiVersion, Kind` of the Flux document, e.g. `helm.fluxcd.io/v1, Kind=HelmRelease` */
  from: string;
  /** fields applied without (reported) */
  ignored: FieldNote[];
  /** fields that make the document fail */
  rejected: FieldNote[];
}

/** Annotation put on every translated object, naming the Flux apiVersion and kind it came from. */
export const translatedFromAnnotation = 'capstan.dev/translated-from';

/** The apiVersion of Capstan's kinds the translations produce. */
export const capstanApiVersion = {
  HelmRelease: 'helm.capstan.dev/v1',
  GitRepository: 'source.capstan.dev/v1',
  HelmRepository: 'source.capstan.dev/v1',
} as const;

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects notes while a translation runs. */
export class Notes {
  readonly ignored: FieldNote[] = [];
  readonly rejected: FieldNote[] = [];

  ignore(path: string, reason: string): void {
    this.ignored.push({ path, reason });
  }

  reject(path: string, reason: string): void {
    this.rejected.push({ path, reason });
  }
}
