/**
 * The values a HelmRelease gives its chart (Flux's `chartutil.ChartValuesFromReferences`): each `valuesFrom`
 * entry in order — a ConfigMap or Secret key read as a values document and merged over what came before, or,
 * with `targetPath`, one value set at that path as `helm --set` does — then `spec.values` merged over all.
 * A missing object or key fails unless the entry is `optional`. Values read from Secrets are registered with
 * the Redactor and never appear in messages.
 */
import { mergeMaps, parseInto, parseValuesYaml, fromPlain, type Values } from '../../chart/index.ts';
import { Reason, type HelmRelease, type ValuesReference } from '../../api/index.ts';
import type { ConfigReader } from '../shared/object-reader.ts';
import type { Redactor } from './redact.ts';

export class ValuesError extends Error {
  readonly code = Reason.ValuesError;
  /** `Secret ns/name` or `ConfigMap ns/name` */
  readonly subject: string;
  constructor(subject: string, message: string) {
    super(message);
    this.name = 'ValuesError';
    this.subject = subject;
  }
}

async function readReference(ref: ValuesReference, namespace: string, reader: ConfigReader, redactor: Redactor): Promise<string | undefined> {
  const subject = `${ref.kind} '${namespace}/${ref.name}'`;
  const obj = await reader.read(ref.kind, namespace, ref.name);
  if (obj === undefined) {
    if (ref.optional) return undefined;
    throw new ValuesError(subject, `could not find ${subject}`);
  }
  const data = obj.data[ref.valuesKey];
  if (data === undefined) {
    if (ref.optional) return undefined;
    throw new ValuesError(subject, `missing key '${ref.valuesKey}' in ${subject}`);
  }
  const text = data.toString('utf8');
  if (ref.kind === 'Secret') redactor.addText(text);
  return text;
}

function applyReference(result: Values, ref: ValuesReference, text: string, subject: string, redactor: Redactor): Values {
  if (ref.targetPath !== undefined) {
    try {
      parseInto(`${ref.targetPath}=${text.trim()}`, result);
    } catch (e) {
      const why = ref.kind === 'Secret' ? 'the value cannot be set there' : (e as Error).message;
      throw new ValuesError(subject, `unable to merge value from key '${ref.valuesKey}' in ${subject} into target path '${ref.targetPath}': ${why}`);
    }
    return result;
  }
  let parsed: Values;
  try {
    parsed = parseValuesYaml(text, ref.valuesKey);
  } catch (e) {
    // a YAML error quotes the text: keep it out of messages for Secrets
    const why = ref.kind === 'Secret' ? 'not a valid YAML map' : (e as Error).message;
    throw new ValuesError(subject, `unable to read values from key '${ref.valuesKey}' in ${subject}: ${why}`);
  }
  if (ref.kind === 'Secret') redactor.addValue(parsed);
  return mergeMaps(result, parsed);
}

/** Composes the values; throws ValuesError naming the object and key. */
export async function composeValues(hr: Pick<HelmRelease, 'metadata' | 'spec'>, reader: ConfigReader, redactor: Redactor): Promise<Values> {
  const namespace = hr.metadata.namespace ?? 'default';
  let result: Values = new Map();
  for (const ref of hr.spec.valuesFrom ?? []) {
    const text = await readReference(ref, namespace, reader, redactor);
    if (text === undefined) continue;
    result = applyReference(result, ref, text, `${ref.kind} '${namespace}/${ref.name}'`, redactor);
  }
  if (hr.spec.values !== undefined) result = mergeMaps(result, fromPlain(hr.spec.values) as Values);
  return result;
}
