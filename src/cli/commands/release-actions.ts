/** `capstan install|upgrade|rollback|uninstall|test`: helm's release actions, with helm's flags and output. */
import { install, releaseTest, rollback, uninstall, upgrade } from '../../helm/index.ts';
import type { Command } from '../commands.ts';
import { bool, parse, parseDuration, str, stringToString, UsageError, valueFlags, type Parsed } from '../flags.ts';
import { loadChartArg, loadUserValues } from '../chart-input.ts';
import { statusBlock } from '../format.ts';
import { actionConfig } from '../kube-env.ts';

const actionFlags = {
  wait: { type: 'boolean' }, timeout: { type: 'string' }, 'no-hooks': { type: 'boolean' },
  'create-namespace': { type: 'boolean' }, 'skip-crds': { type: 'boolean' }, 'take-ownership': { type: 'boolean' },
  description: { type: 'string' }, 'history-max': { type: 'string' }, 'wait-for-jobs': { type: 'boolean' },
} as const;

/** helm install/upgrade `-l/--labels`: custom labels of the release record */
const labelFlags = { labels: { type: 'string', short: 'l', multiple: true } } as const;

const labelsOf = (p: Parsed): { labels?: Record<string, string> } => {
  const labels = stringToString(p, 'labels', 'l');
  return labels === undefined ? {} : { labels };
};

const timeoutOf = (t: string | undefined): number => (t === undefined ? 300_000 : parseDuration(t));

export const installCommand: Command = {
  name: 'install',
  summary: 'Install a chart (helm install RELEASE CHART)',
  async run(args, { log }) {
    const p = parse(args, { ...valueFlags, ...actionFlags, ...labelFlags, replace: { type: 'boolean' } });
    const [name, chartPath] = p.positionals;
    if (!name || !chartPath) throw new UsageError('"capstan install" requires 2 arguments: RELEASE CHART');
    const { cfg, namespace } = actionConfig(p, log, Number(str(p, 'history-max') ?? 10));
    const rel = await install(cfg, {
      name, namespace, chart: loadChartArg(chartPath), values: loadUserValues(p), wait: bool(p, 'wait'),
      timeoutMs: timeoutOf(str(p, 'timeout')), disableHooks: bool(p, 'no-hooks'), createNamespace: bool(p, 'create-namespace'),
      crds: bool(p, 'skip-crds') ? 'Skip' : 'Create', takeOwnership: bool(p, 'take-ownership'),
      waitForJobs: bool(p, 'wait-for-jobs'), replace: bool(p, 'replace'), ...labelsOf(p),
      ...(str(p, 'description') ? { description: str(p, 'description') ?? '' } : {}),
    });
    process.stdout.write(statusBlock(rel));
    return 0;
  },
};

export const upgradeCommand: Command = {
  name: 'upgrade',
  summary: 'Upgrade a release, or install it with --install (helm upgrade)',
  async run(args, { log }) {
    const p = parse(args, { ...valueFlags, ...actionFlags, ...labelFlags, install: { type: 'boolean', short: 'i' }, force: { type: 'boolean' }, 'cleanup-on-fail': { type: 'boolean' }, 'reuse-values': { type: 'boolean' } });
    const [name, chartPath] = p.positionals;
    if (!name || !chartPath) throw new UsageError('"capstan upgrade" requires 2 arguments: RELEASE CHART');
    const { cfg, namespace } = actionConfig(p, log, Number(str(p, 'history-max') ?? 10));
    const existed = (await cfg.storage.history(name)).some((r) => r.info?.status !== 'uninstalled');
    if (!existed && bool(p, 'install')) process.stdout.write(`Release "${name}" does not exist. Installing it now.\n`);
    const rel = await upgrade(cfg, {
      name, namespace, chart: loadChartArg(chartPath), values: loadUserValues(p), install: bool(p, 'install'),
      wait: bool(p, 'wait'), timeoutMs: timeoutOf(str(p, 'timeout')), disableHooks: bool(p, 'no-hooks'),
      createNamespace: bool(p, 'create-namespace'), crds: bool(p, 'skip-crds') ? 'Skip' : 'Create',
      takeOwnership: bool(p, 'take-ownership'), force: bool(p, 'force'), cleanupOnFail: bool(p, 'cleanup-on-fail'),
      waitForJobs: bool(p, 'wait-for-jobs'), reuseValues: bool(p, 'reuse-values'), ...labelsOf(p),
      ...(str(p, 'description') ? { description: str(p, 'description') ?? '' } : {}),
    });
    if (existed) process.stdout.write(`Release "${name}" has been upgraded. Happy Helming!\n`);
    process.stdout.write(statusBlock(rel));
    return 0;
  },
};

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: 'Roll a release back to a previous revision (helm rollback RELEASE [REVISION])',
  async run(args, { log }) {
    const p = parse(args, { ...actionFlags, 'cleanup-on-fail': { type: 'boolean' }, 'recreate-pods': { type: 'boolean' } });
    const [name, revision] = p.positionals;
    if (!name) throw new UsageError('"capstan rollback" requires at least 1 argument: RELEASE [REVISION]');
    const version = revision === undefined ? 0 : Number(revision);
    if (!Number.isInteger(version)) throw new UsageError(`could not convert revision to a number: ${revision}`);
    const { cfg } = actionConfig(p, log);
    await rollback(cfg, {
      name, version, wait: bool(p, 'wait'), timeoutMs: timeoutOf(str(p, 'timeout')), disableHooks: bool(p, 'no-hooks'),
      waitForJobs: bool(p, 'wait-for-jobs'), cleanupOnFail: bool(p, 'cleanup-on-fail'), recreate: bool(p, 'recreate-pods'),
    });
    process.stdout.write('Rollback was a success! Happy Helming!\n');
    return 0;
  },
};

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'Uninstall a release (helm uninstall RELEASE)',
  async run(args, { log }) {
    const p = parse(args, { ...actionFlags, 'keep-history': { type: 'boolean' }, cascade: { type: 'string' } });
    const cascade = str(p, 'cascade') ?? 'background';
    if (cascade !== 'background' && cascade !== 'foreground' && cascade !== 'orphan') {
      throw new UsageError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
    }
    const names = p.positionals;
    if (names.length === 0) throw new UsageError('"capstan uninstall" requires at least 1 argument: RELEASE');
    const { cfg } = actionConfig(p, log);
    for (const name of names) {
      const r = await uninstall(cfg, {
        name, keepHistory: bool(p, 'keep-history'), disableHooks: bool(p, 'no-hooks'), timeoutMs: timeoutOf(str(p, 'timeout')),
        wait: bool(p, 'wait'), deletionPropagation: cascade,
      });
      process.stdout.write(`${r.info}\n`);
    }
    return 0;
  },
};

export const testCommand: Command = {
  name: 'test',
  summary: 'Run the tests of a release (helm test RELEASE)',
  async run(args, { log }) {
    const p = parse(args, { timeout: { type: 'string' } });
    const [name] = p.positionals;
    if (!name) throw new UsageError('"capstan test" requires 1 argument: RELEASE');
    const { cfg } = actionConfig(p, log);
    const rel = await releaseTest(cfg, { name, timeoutMs: timeoutOf(str(p, 'timeout')) });
    process.stdout.write(statusBlock(rel));
    return 0;
  },
};
