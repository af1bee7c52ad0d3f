/**
 * The command table of the CLI; each command lives in its own file under ./commands/. Command modules are
 * imported only when their command runs, so `capstan template` does not load the Kubernetes client and
 * `capstan install` does not load what only `template` needs (the table keeps names and summaries;
 * test/unit/cli/commands.test.ts checks them against the modules).
 */
import type { Logger } from '../observability/logger.ts';

export interface CommandContext {
  log: Logger;
}

export interface Command {
  name: string;
  summary: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}

/** A table entry: the module is imported on first run and the named export's `run` is called. */
export interface LazyCommand extends Command {
  load(): Promise<Command>;
  /** whether the command uses `ctx.log` (the CLI loads the logger, pino, only for those) */
  logs: boolean;
}

function lazy(name: string, summary: string, load: () => Promise<Record<string, unknown>>, exportName: string, logs = true): LazyCommand {
  const loadCommand = async (): Promise<Command> => (await load())[exportName] as Command;
  return { name, summary, logs, load: loadCommand, run: async (args, ctx) => (await loadCommand()).run(args, ctx) };
}

const actions = (): Promise<Record<string, unknown>> => import('./commands/release-actions.ts');
const queries = (): Promise<Record<string, unknown>> => import('./commands/release-queries.ts');

export const commands: readonly LazyCommand[] = [
  lazy('install', 'Install a chart (helm install RELEASE CHART)', actions, 'installCommand'),
  lazy('upgrade', 'Upgrade a release, or install it with --install (helm upgrade)', actions, 'upgradeCommand'),
  lazy('rollback', 'Roll a release back to a previous revision (helm rollback RELEASE [REVISION])', actions, 'rollbackCommand'),
  lazy('uninstall', 'Uninstall a release (helm uninstall RELEASE)', actions, 'uninstallCommand'),
  lazy('test', 'Run the tests of a release (helm test RELEASE)', actions, 'testCommand'),
  lazy('history', 'Show the revisions of a release (helm history RELEASE)', queries, 'historyCommand'),
  lazy('list', 'List releases (helm list [-A])', queries, 'listCommand'),
  lazy('status', 'Show the status of a release (helm status RELEASE)', queries, 'statusCommand'),
  lazy('get', 'Show values, manifest, notes or hooks of a release, or list HelmReleases (get values|manifest|notes|hooks RELEASE, get hr)', () => import('./commands/get.ts'), 'getCommand'),
  lazy('template', 'Locally render templates (helm template NAME CHART)', () => import('./commands/template.ts'), 'templateCommand', false),
  lazy('operator', 'Run the Capstan operator (HelmRelease and source controllers)', () => import('./commands/operator.ts'), 'operatorCommand'),
  lazy('reconcile', 'Reconcile a HelmRelease now and wait for the outcome (capstan reconcile hr NAME)', () => import('./commands/helmrelease.ts'), 'reconcileCommand'),
  lazy('suspend', 'Suspend reconciliation of a HelmRelease (capstan suspend hr NAME)', () => import('./commands/helmrelease.ts'), 'suspendCommand'),
  lazy('resume', 'Resume reconciliation of a HelmRelease and wait for the outcome (capstan resume hr NAME)', () => import('./commands/helmrelease.ts'), 'resumeCommand'),
  lazy('version', 'Print the version of Capstan', () => import('./commands/version.ts'), 'versionCommand', false),
];

export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Capstan: a GitOps operator for Helm.',
    '',
    'Usage:',
    '  capstan [command]',
    '',
    'Available Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Flags:',
    '  -h, --help   help for capstan',
    '',
    'Use "capstan [command] --help" for more information about a command.',
    '',
  ].join('\n');
}
