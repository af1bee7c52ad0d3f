/** The cache directory for built and extracted binaries, outside the repo. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(): string {
  return process.env['CAPSTAN_CACHE']
    ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'capstan');
}
