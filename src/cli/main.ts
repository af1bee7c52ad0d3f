/**
 * The composition root: `capstan <command> [flags]`. Creates the one root logger (when the command first
 * uses it) and hands it to the command.
 */
import { createRequire, enableCompileCache } from 'node:module';
import type { Logger } from '../observability/logger.ts';
import { commands, usage, type CommandContext } from './commands.ts';

// Keep V8's code cache and the type-stripped sources of Capstan's modules between runs (in the OS temp
// directory; NODE_COMPILE_CACHE moves it, NODE_DISABLE_COMPILE_CACHE=1 turns it off): it cuts the CLI's
// module loading about threefold. bin/capstan.js enables it before any .ts loads; this covers
// `node src/cli/main.ts` (a no-op when already enabled).
enableCompileCache();

const require = createRequire(import.meta.url);

function rootLogger(): Logger {
  // loaded on first use: `capstan template` and `capstan version` never pay for pino
  const { createRootLogger } = require('../observability/logger.ts') as typeof import('../observability/logger.ts');
  const level = process.env['CAPSTAN_LOG_LEVEL'];
  return createRootLogger(level === undefined ? {} : { level: level as 'info' });
}

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
  let log: Logger | undefined;
  const ctx: CommandContext = {
    get log() {
      return (log ??= rootLogger().child({ command: name }));
    },
  };
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
