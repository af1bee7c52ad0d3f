/**
 * HelmRelease commands: `get hr [NAME] [-A]` (the CRD's printer columns), `reconcile hr NAME` (sets
 * capstan.dev/reconcile-requested-at and waits until the controller has handled it), `suspend hr NAME`,
 * `resume hr NAME` (resumes and waits for the reconcile).
 */
import { reconcileRequestedAtAnnotation } from '../../api/index.ts';
import { KubeClient } from '../../kube/index.ts';
import type { Command } from '../commands.ts';
import { bool, parse, parseDuration, str, UsageError, type Parsed } from '../flags.ts';
import { table } from '../format.ts';
import { loadKubeConfig, namespaceOf } from '../kube-env.ts';
import { age, getHelmRelease, listHelmReleases, patchHelmRelease, readyOf, requireKind, type HelmReleaseObject } from './helmrelease-client.ts';

function rows(items: HelmReleaseObject[], all: boolean): string[][] {
  const head = [...(all ? ['NAMESPACE'] : []), 'NAME', 'READY', 'STATUS', 'REVISION', 'CHART', 'AGE'];
  const body = items.map((o) => {
    const r = readyOf(o);
    const snap = o.status?.history?.[0];
    const status = o.spec?.suspend === true ? `Suspended: ${r.message}` : r.message;
    return [...(all ? [o.metadata.namespace ?? ''] : []), o.metadata.name, r.status, status, snap ? String(snap.version) : '',
      snap ? `${snap.chartName}@${snap.chartVersion}` : '', age(o.metadata.creationTimestamp)];
  });
  return [head, ...body];
}

export const getHelmReleasesCommand: Command = {
  name: 'get hr',
  summary: 'List HelmReleases (capstan get hr [NAME] [-A])',
  async run(args) {
    const p = parse(args, { 'all-namespaces': { type: 'boolean', short: 'A' }, output: { type: 'string', short: 'o' } });
    const kc = loadKubeConfig(p);
    const kube = new KubeClient(kc);
    const all = bool(p, 'all-namespaces');
    const [name] = p.positionals;
    const ns = namespaceOf(p, kc);
    const items = name !== undefined ? [await getHelmRelease(kube, ns, name)] : await listHelmReleases(kube, all ? undefined : ns);
    items.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    const output = str(p, 'output');
    if (output === 'json') process.stdout.write(`${JSON.stringify(name !== undefined ? items[0] : { items }, null, 2)}\n`);
    else if (output === undefined || output === 'wide') {
      if (items.length === 0) process.stderr.write(all ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
      else process.stdout.write(table(rows(items, all)).replace(/\t/g, '   '));
    } else throw new UsageError(`invalid output format "${output}": use json or wide`);
    return 0;
  },
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Patches (with a new reconcile request) and waits until status.lastHandledReconcileAt shows it was handled. */
async function requestAndWait(p: Parsed, verb: string, extra: Record<string, unknown>): Promise<number> {
  const [kind, name] = p.positionals;
  requireKind(kind, verb);
  if (name === undefined) throw new UsageError(`"capstan ${verb}" requires a name: capstan ${verb} hr NAME`);
  const kc = loadKubeConfig(p);
  const kube = new KubeClient(kc);
  const ns = namespaceOf(p, kc);
  const requested = new Date().toISOString();
  await patchHelmRelease(kc, kube, ns, name, { ...extra, metadata: { annotations: { [reconcileRequestedAtAnnotation]: requested } } });
  process.stdout.write(`► annotating HelmRelease ${name} in ${ns} namespace\n`);
  if (bool(p, 'no-wait')) return 0;
  const timeout = parseDuration(str(p, 'timeout') ?? '5m');
  const deadline = Date.now() + timeout;
  process.stdout.write('◎ waiting for HelmRelease reconciliation\n');
  for (;;) {
    const o = await getHelmRelease(kube, ns, name);
    if (o.status?.lastHandledReconcileAt === requested) {
      const r = readyOf(o);
      if (r.status === 'True') {
        const snap = o.status.history?.[0];
        process.stdout.write(`✔ HelmRelease reconciliation completed${snap ? `\n✔ applied revision ${snap.chartVersion} (release ${snap.name}.v${snap.version})` : ''}\n`);
        return 0;
      }
      process.stderr.write(`✗ HelmRelease reconciliation failed: ${r.message}\n`);
      return 1;
    }
    if (Date.now() > deadline) {
      process.stderr.write(`✗ timed out after ${Math.round(timeout / 1000)}s waiting for HelmRelease ${ns}/${name} to be reconciled\n`);
      return 1;
    }
    await sleep(500);
  }
}

const waitFlags = { timeout: { type: 'string' }, 'no-wait': { type: 'boolean' } } as const;

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'Reconcile a HelmRelease now and wait for the outcome (capstan reconcile hr NAME)',
  async run(args) {
    return requestAndWait(parse(args, waitFlags), 'reconcile', {});
  },
};

export const suspendCommand: Command = {
  name: 'suspend',
  summary: 'Suspend reconciliation of a HelmRelease (capstan suspend hr NAME)',
  async run(args) {
    const p = parse(args, {});
    const [kind, name] = p.positionals;
    requireKind(kind, 'suspend');
    if (name === undefined) throw new UsageError('"capstan suspend" requires a name: capstan suspend hr NAME');
    const kc = loadKubeConfig(p);
    const ns = namespaceOf(p, kc);
    await patchHelmRelease(kc, new KubeClient(kc), ns, name, { spec: { suspend: true } });
    process.stdout.write(`► suspending HelmRelease ${name} in ${ns} namespace\n✔ HelmRelease suspended\n`);
    return 0;
  },
};

export const resumeCommand: Command = {
  name: 'resume',
  summary: 'Resume reconciliation of a HelmRelease and wait for the outcome (capstan resume hr NAME)',
  async run(args) {
    return requestAndWait(parse(args, waitFlags), 'resume', { spec: { suspend: false } });
  },
};
