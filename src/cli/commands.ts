/** The command table of the CLI; each command lives in its own file under ./commands/. */
import type { Logger } from '../observability/logger.ts';
import { versionCommand } from './commands/version.ts';
import { installCommand, rollbackCommand, testCommand, uninstallCommand, upgradeCommand } from './commands/release-actions.ts';
import { getCommand, historyCommand, listCommand, statusCommand } from './commands/release-queries.ts';

export interface CommandContext {
  log: Logger;
}

export interface Command {
  name: string;
  summary: string;
  run(args: string[], ctx: CommandContext): Promise<number>;
}

export const commands: readonly Command[] = [
  installCommand, upgradeCommand, rollbackCommand, uninstallCommand, testCommand,
  historyCommand, listCommand, statusCommand, getCommand, versionCommand,
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
