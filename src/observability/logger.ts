/**
 * The root logger factory. The CLI creates exactly one root logger and passes it down; components take a
 * `Logger` argument and derive child loggers (`log.child({ component: 'helmrelease' })`). Nothing reads a
 * logger from a global.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** write to this file descriptor (default 2, stderr: stdout is for command output) */
  fd?: number;
}

export function createRootLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { app: 'capstan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // values from Secrets and credentials must never reach the log, whatever a caller passes
      redact: { paths: ['*.password', '*.token', '*.bearerToken', '*.identity', '*.secretValues', 'secret', 'values'], censor: '[redacted]' },
    },
    pino.destination({ fd: opts.fd ?? 2, sync: true }),
  );
}
