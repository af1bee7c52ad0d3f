/**
 * The composition root: `capstan <command> [flags]`. Creates the one root logger and hands it to the command.
 */
import { createRootLogger } from '../observability/logger.ts';
import { commands, usage } from './commands.ts';

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Error: unknown command "${name}" for "capstan"\nRun 'capstan --help' for usage.\n`);
    return 1;
  }
  const level = process.env['CAPSTAN_LOG_LEVEL'];
  const log = createRootLogger(level === undefined ? {} : { level: level as 'info' });
  try {
    return await command.run(rest, { log: log.child({ command: name }) });
  } catch (e) {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
