/** `capstan history|list|status|get`: reading releases, with helm's output layouts. */
import { KubeClient } from '../../kube/index.ts';
import { SecretsDriver, formatGoTime, type Release } from '../../release/index.ts';
import { marshalYaml } from '../../template/yaml/index.ts';
import type { GoValue } from '../../template/value.ts';
import type { Command } from '../commands.ts';
import { bool, parse, str, UsageError } from '../flags.ts';
import { ansic, chartName, goTimeString, statusBlock, table } from '../format.ts';
import { actionConfig, loadKubeConfig } from '../kube-env.ts';

const outputFlag = { output: { type: 'string', short: 'o' } } as const;

function jsonToGo(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(jsonToGo);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [String(k), jsonToGo(x)]));
  if (typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, jsonToGo(x)]));
  if (typeof v === 'bigint' || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function print(output: string | undefined, data: unknown, text: () => string): void {
  if (output === 'json') process.stdout.write(`${JSON.stringify(data, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : typeof v === 'bigint' ? Number(v) : v))}\n`);
  else if (output === 'yaml') process.stdout.write(marshalYaml(jsonToGo(data)));
  else if (output === undefined || output === 'table') process.stdout.write(text());
  else throw new UsageError(`invalid format type "${output}"`);
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'Show the revisions of a release (helm history RELEASE)',
  async run(args, { log }) {
    const p = parse(args, { ...outputFlag, max: { type: 'string' } });
    const [name] = p.positionals;
    if (!name) throw new UsageError('"capstan history" requires 1 argument: RELEASE');
    const { cfg } = actionConfig(p, log);
    let h = await cfg.storage.history(name);
    if (h.length === 0) throw new Error('release: not found');
    h = h.slice(-Number(str(p, 'max') ?? 256));
    const rows = h.map((r) => ({
      revision: r.version, updated: r.info?.last_deployed ? formatGoTime(r.info.last_deployed) : '', status: r.info?.status ?? '',
      chart: chartName(r), app_version: r.chart?.metadata?.appVersion ?? '', description: r.info?.description ?? '',
    }));
    print(str(p, 'output'), rows, () => table([
      ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
      ...h.map((r) => [String(r.version), r.info?.last_deployed ? ansic(r.info.last_deployed.ms) : '', r.info?.status ?? '', chartName(r), r.chart?.metadata?.appVersion ?? '', r.info?.description ?? '']),
    ]));
    return 0;
  },
};

export const listCommand: Command = {
  name: 'list',
  summary: 'List releases (helm list [-A])',
  async run(args) {
    const p = parse(args, { ...outputFlag, 'all-namespaces': { type: 'boolean', short: 'A' }, all: { type: 'boolean', short: 'a' }, short: { type: 'boolean', short: 'q' } });
    const kc = loadKubeConfig(p);
    const kube = new KubeClient(kc);
    const ns = bool(p, 'all-namespaces') ? '' : str(p, 'namespace') ?? kc.getContextObject(kc.getCurrentContext())?.namespace ?? 'default';
    const all = await listReleases(kube, ns);
    const latest = new Map<string, Release>();
    for (const r of all) {
      const k = `${r.namespace}/${r.name}`;
      if ((latest.get(k)?.version ?? 0) < r.version) latest.set(k, r);
    }
    const shown = [...latest.values()]
      .filter((r) => bool(p, 'all') || r.info?.status === 'deployed' || r.info?.status === 'failed')
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (bool(p, 'short')) { process.stdout.write(shown.map((r) => `${r.name}\n`).join('')); return 0; }
    const rows = shown.map((r) => ({ name: r.name, namespace: r.namespace, revision: String(r.version), updated: goTimeString(r.info), status: r.info?.status ?? '', chart: chartName(r), app_version: r.chart?.metadata?.appVersion ?? '' }));
    print(str(p, 'output'), rows, () => table([
      ['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'],
      ...rows.map((r) => [r.name, r.namespace, r.revision, r.updated, r.status, r.chart, r.app_version]),
    ]));
    return 0;
  },
};

async function listReleases(kube: KubeClient, namespace: string): Promise<Release[]> {
  if (namespace !== '') return new SecretsDriver(kube.core, namespace).list(() => true);
  const secrets = await kube.core.listSecretForAllNamespaces({ labelSelector: 'owner=helm' });
  const namespaces = [...new Set(secrets.items.map((s) => s.metadata?.namespace ?? ''))];
  return (await Promise.all(namespaces.map((n) => new SecretsDriver(kube.core, n).list(() => true)))).flat();
}

async function releaseAt(args: string[], log: Parameters<Command['run']>[1]['log'], extra = {}): Promise<{ rel: Release; output: string | undefined; all: boolean }> {
  const p = parse(args, { ...outputFlag, revision: { type: 'string' }, all: { type: 'boolean', short: 'a' }, ...extra });
  const [name] = p.positionals;
  if (!name) throw new UsageError('requires 1 argument: RELEASE');
  const { cfg } = actionConfig(p, log);
  const rev = str(p, 'revision');
  const rel = rev === undefined ? await cfg.storage.last(name) : await cfg.storage.get(name, Number(rev));
  return { rel, output: str(p, 'output'), all: bool(p, 'all') };
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the status of a release (helm status RELEASE)',
  async run(args, { log }) {
    const { rel } = await releaseAt(args, log);
    process.stdout.write(statusBlock(rel));
    return 0;
  },
};

export const getCommand: Command = {
  name: 'get',
  summary: 'Show values, manifest, notes or hooks of a release (helm get values|manifest|notes|hooks RELEASE)',
  async run(args, { log }) {
    const [what, ...rest] = args;
    const { rel, output, all } = await releaseAt(rest, log);
    switch (what) {
      case 'values': {
        const config = jsonToGo(rel.config ?? null);
        const computed = all ? jsonToGo(rel.chart?.values ?? null) : config;
        print(output, all ? computed : rel.config ?? null, () => `${all ? 'COMPUTED' : 'USER-SUPPLIED'} VALUES:\n${marshalYaml(all ? computed : config)}`);
        return 0;
      }
      case 'manifest': process.stdout.write(`${rel.manifest ?? ''}\n`); return 0;
      case 'notes': process.stdout.write(rel.info?.notes ? `NOTES:\n${rel.info.notes}\n` : ''); return 0;
      case 'hooks': process.stdout.write((rel.hooks ?? []).map((h) => `---\n# Source: ${h.path}\n${h.manifest}\n`).join('')); return 0;
      default: throw new UsageError(`unknown "get" subcommand "${what ?? ''}": use values, manifest, notes or hooks`);
    }
  },
};
