/**
 * Flux v1 HelmRelease (`helm.fluxcd.io/v1`, helm-operator) → Capstan HelmRelease, keeping helm-operator's
 * meaning where its defaults differ from Capstan's (README "Flux documents" has the whole table):
 * - `chart.git/ref/path` → `chart.git{url, ref, path}` (ref default `master`; a 40/64-hex ref is a commit,
 *   `refs/…` a full reference name, anything else a branch); `chart.repository/name/version` →
 *   `chart.repository{url, name, version}`;
 * - release name default `<ns>-<name>`, or `<ns>-<targetNamespace>-<name>` when they differ, written out;
 * - `maxHistory` default 10; `timeout` (seconds) as is; `resetValues: false` → `upgrade.preserveValues`;
 * - `wait` (default: `rollback.enable || test.enable`) → `install/upgrade.disableWait` negated;
 * - `rollback.enable` → upgrade remediation by rollback (`retries` = `maxRetries` (5) when `retry`, else 0,
 *   and `remediateLastFailure`), `rollback.{force, recreate, disableHooks, timeout, wait}` → `rollback.*`;
 * - `valueFileSecrets` and `valuesFrom[].{configMapKeyRef, secretKeyRef}` → `valuesFrom` (same order);
 * - `skipCRDs` → `install.crds: Skip`; `forceUpgrade` → `upgrade.force`; `test.*` → `test.*`;
 * - the interval is helm-operator's `--charts-sync-interval` default, 3m.
 * Rejected: `helmVersion: v2`, cross-namespace secretRef/valuesFrom, non-optional `externalSourceRef` and
 * `chartFileRef`. Ignored and reported: `disableOpenAPIValidation`, `skipDepUpdate`, `chartPullSecret`,
 * `test.cleanup` (Helm 2 only), optional external/chart-file values, any field helm-operator did not have.
 */
import { translateV1Annotations } from './annotations-v1.ts';
import { kindLabel, translateMetadata } from './metadata.ts';
import { Notes, capstanApiVersion, isObject, type FluxTranslation, type Json } from './types.ts';

export const fluxV1HelmReleaseVersion = 'helm.fluxcd.io/v1';

/** helm-operator's `--charts-sync-interval` default: how often it looked at the chart source. */
export const fluxV1Interval = '3m';

const maxReleaseName = 53;

const known = new Set(['helmVersion', 'chart', 'releaseName', 'maxHistory', 'valueFileSecrets', 'valuesFrom', 'targetNamespace',
  'timeout', 'resetValues', 'skipCRDs', 'wait', 'forceUpgrade', 'rollback', 'test', 'values', 'disableOpenAPIValidation']);

/** Translates a Flux v1 HelmRelease document; see the module comment. */
export function translateFluxV1HelmRelease(doc: Json): FluxTranslation {
  const notes = new Notes();
  const src: Json = isObject(doc['spec']) ? structuredClone(doc['spec']) : {};
  const meta = isObject(doc['metadata']) ? doc['metadata'] : {};
  const namespace = typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? meta['namespace'] : 'default';
  const name = String(meta['name'] ?? '');
  for (const key of Object.keys(src)) if (!known.has(key)) notes.ignore(`spec.${key}`, 'not a field of helm.fluxcd.io/v1 HelmRelease');

  if (src['helmVersion'] === 'v2') notes.reject('spec.helmVersion', 'Helm 2 releases are not supported: Capstan releases with Helm 3 semantics');
  if (src['disableOpenAPIValidation'] === true) notes.ignore('spec.disableOpenAPIValidation', 'Capstan always lets the API server validate');

  const spec: Json = { chart: chartOf(src['chart'], namespace, notes), interval: fluxV1Interval };
  const releaseName = typeof src['releaseName'] === 'string' && src['releaseName'] !== '' ? src['releaseName'] : defaultReleaseName(namespace, name, src['targetNamespace']);
  if (releaseName.length > maxReleaseName) notes.reject('spec.releaseName', `release name ${JSON.stringify(releaseName)} is longer than ${maxReleaseName} characters`);
  spec['releaseName'] = releaseName;
  if (typeof src['targetNamespace'] === 'string' && src['targetNamespace'] !== '') spec['targetNamespace'] = src['targetNamespace'];
  if (src['timeout'] !== undefined) spec['timeout'] = src['timeout'];
  spec['maxHistory'] = src['maxHistory'] ?? 10;
  const valuesFrom = valuesFromOf(src, namespace, notes);
  if (valuesFrom.length > 0) spec['valuesFrom'] = valuesFrom;
  if (isObject(src['values'])) spec['values'] = src['values'];
  Object.assign(spec, actionsOf(src, notes));

  const annotations = isObject(meta['annotations']) ? translateV1Annotations(meta['annotations'] as Record<string, string>, notes) : undefined;
  const metaDoc: Json = { ...doc, metadata: { ...meta, ...(annotations ? { annotations } : {}) } };
  const object: Json = { apiVersion: capstanApiVersion.HelmRelease, kind: 'HelmRelease', metadata: translateMetadata(metaDoc), spec };
  return { object, from: kindLabel(doc['apiVersion'], doc['kind']), ignored: notes.ignored, rejected: notes.rejected };
}

/** helm-operator's GetReleaseName. */
export function defaultReleaseName(namespace: string, name: string, targetNamespace: unknown): string {
  const target = typeof targetNamespace === 'string' && targetNamespace !== '' ? targetNamespace : namespace;
  return namespace !== target ? `${namespace}-${target}-${name}` : `${target}-${name}`;
}

/** A Flux v1 Git ref as a Capstan GitRef. */
export function gitRefOf(ref: string): Json {
  if (/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(ref)) return { commit: ref };
  if (ref.startsWith('refs/')) return { name: ref };
  return { branch: ref };
}

function chartOf(chart: unknown, namespace: string, notes: Notes): Json {
  if (!isObject(chart)) return {};
  const c = chart;
  if (c['skipDepUpdate'] === true) notes.ignore('spec.chart.skipDepUpdate', 'Capstan uses the dependencies committed in the chart\'s charts/ directory');
  if (c['chartPullSecret'] !== undefined) notes.ignore('spec.chart.chartPullSecret', 'helm-operator never implemented it; use a secretRef on a HelmRepository');
  for (const key of Object.keys(c)) {
    if (!['git', 'ref', 'path', 'secretRef', 'skipDepUpdate', 'repository', 'name', 'version', 'chartPullSecret'].includes(key)) {
      notes.ignore(`spec.chart.${key}`, 'not a field of helm.fluxcd.io/v1 HelmRelease');
    }
  }
  if (typeof c['git'] === 'string') {
    const git: Json = { url: c['git'], ref: gitRefOf(typeof c['ref'] === 'string' && c['ref'] !== '' ? c['ref'] : 'master'), path: c['path'] };
    const secret = c['secretRef'];
    if (isObject(secret)) {
      if (typeof secret['namespace'] === 'string' && secret['namespace'] !== namespace) {
        notes.reject('spec.chart.secretRef.namespace', 'a Secret in another namespace is not supported: copy it into the HelmRelease\'s namespace');
      }
      git['secretRef'] = { name: secret['name'] };
    }
    return { git };
  }
  return { repository: { url: c['repository'], name: c['name'], version: c['version'] } };
}

function valuesFromOf(src: Json, namespace: string, notes: Notes): Json[] {
  const out: Json[] = [];
  if (Array.isArray(src['valueFileSecrets'])) {
    for (const s of src['valueFileSecrets']) if (isObject(s)) out.push({ kind: 'Secret', name: s['name'], valuesKey: 'values.yaml' });
  }
  const list = Array.isArray(src['valuesFrom']) ? src['valuesFrom'] : [];
  list.forEach((item: unknown, i) => {
    if (!isObject(item)) return;
    const at = `spec.valuesFrom[${i}]`;
    const ref = (isObject(item['configMapKeyRef']) ? ['ConfigMap', item['configMapKeyRef']] : isObject(item['secretKeyRef']) ? ['Secret', item['secretKeyRef']] : undefined) as [string, Json] | undefined;
    if (ref !== undefined) {
      const [kind, sel] = ref;
      if (typeof sel['namespace'] === 'string' && sel['namespace'] !== namespace) {
        notes.reject(`${at}.${kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef'}.namespace`, `values from a ${kind} in another namespace are not supported`);
      }
      out.push({ kind, name: sel['name'], valuesKey: typeof sel['key'] === 'string' && sel['key'] !== '' ? sel['key'] : 'values.yaml', optional: sel['optional'] === true });
      return;
    }
    for (const key of ['externalSourceRef', 'chartFileRef']) {
      const sel = item[key];
      if (!isObject(sel)) continue;
      const what = key === 'externalSourceRef' ? 'values from a URL (externalSourceRef)' : 'values from a file of the chart (chartFileRef)';
      if (sel['optional'] === true) notes.ignore(`${at}.${key}`, `${what} are not supported; it is optional, so the release goes on without it`);
      else notes.reject(`${at}.${key}`, `${what} are not supported`);
    }
  });
  return out;
}

function actionsOf(src: Json, notes: Notes): Json {
  const rollback = isObject(src['rollback']) ? src['rollback'] : {};
  const test = isObject(src['test']) ? src['test'] : {};
  const wait = typeof src['wait'] === 'boolean' ? src['wait'] : rollback['enable'] === true || test['enable'] === true;
  const install: Json = { disableWait: !wait };
  if (src['skipCRDs'] === true) install['crds'] = 'Skip';
  const upgrade: Json = { disableWait: !wait };
  if (src['forceUpgrade'] === true) upgrade['force'] = true;
  if (src['resetValues'] === false) upgrade['preserveValues'] = true;
  if (rollback['enable'] === true) {
    const retries = rollback['retry'] === true ? (typeof rollback['maxRetries'] === 'number' ? rollback['maxRetries'] : 5) : 0;
    upgrade['remediation'] = { retries, remediateLastFailure: true, strategy: 'rollback' };
  }
  const out: Json = { install, upgrade };
  const rb: Json = {};
  for (const k of ['force', 'recreate', 'disableHooks'] as const) if (rollback[k] === true) rb[k] = true;
  if (rollback['timeout'] !== undefined) rb['timeout'] = rollback['timeout'];
  if (rollback['enable'] === true) rb['disableWait'] = rollback['wait'] !== true;
  if (Object.keys(rb).length > 0) out['rollback'] = rb;
  for (const k of Object.keys(rollback)) {
    if (!['enable', 'retry', 'maxRetries', 'force', 'recreate', 'disableHooks', 'timeout', 'wait'].includes(k)) notes.ignore(`spec.rollback.${k}`, 'not a field of helm.fluxcd.io/v1 HelmRelease');
  }
  const t: Json = {};
  if (test['enable'] === true) t['enable'] = true;
  if (test['ignoreFailures'] === true) t['ignoreFailures'] = true;
  if (test['timeout'] !== undefined) t['timeout'] = test['timeout'];
  if (test['cleanup'] !== undefined) notes.ignore('spec.test.cleanup', 'only Helm 2 test pods were cleaned up; Helm 3 hook delete policies apply');
  if (Object.keys(t).length > 0) out['test'] = t;
  return out;
}
