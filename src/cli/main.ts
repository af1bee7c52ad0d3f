/**
 * The composition root: `capstan <command> [flags]`. Creates the one root logger (when the command first
 * uses it) and hands it to the command.
 */
import { enableCompileCache } from 'node:module';
import type { Logger } from '../observability/logger.ts';
import { commands, usage, type CommandContext } from './commands.ts';

// Keep V8's code cache and the type-stripped sources of Capstan's modules between runs (in the OS temp
// directory; NODE_COMPILE_CACHE moves it, NODE_DISABLE_COMPILE_CACHE=1 turns it off): it cuts the CLI's
// module loading about threefold. bin/capstan.js enables it before any .ts loads; this covers
// `node src/cli/main.ts` (a no-op when already enabled).
enableCompileCache();

type LoggerModule = typeof import('../observability/logger.ts');

function rootLogger({ createRootLogger }: LoggerModule): Logger {
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
  // loaded only for the commands that log: `capstan template` and `capstan version` never pay for pino
  const loggerModule = command.logs ? await import('../observability/logger.ts') : undefined;
  let log: Logger | undefined;
  const ctx: CommandContext = {
    get log() {
      if (!loggerModule) throw new Error(`internal error: command "${name}" is declared not to log`);
      return (log ??= rootLogger(loggerModule).child({ command: name }));
    },
  };
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

// `node src/cli/main.ts …` (no top-level await: the same module is bundled as CommonJS by scripts/build-cli.ts)
if (import.meta.main) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
