/**
 * Installs the Debian packages a test needs when they are missing (`ensureDebianPackages(['docker-registry'])`).
 * Idempotent: `dpkg -s` is asked first, so an installed package costs one quick check. Parallel test files are
 * serialised through a lock file so that apt never runs twice at once; `apt-get update` runs only when an
 * install fails (stale lists on a fresh machine).
 */
import { execFile } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LOCK = join(tmpdir(), 'capstan-apt.lock');
const STALE_MS = 20 * 60 * 1000;

async function installed(pkg: string): Promise<boolean> {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f=${Status}', pkg]);
    return stdout.trim() === 'install ok installed';
  } catch {
    return false;
  }
}

async function missing(pkgs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of pkgs) if (!(await installed(p))) out.push(p);
  return out;
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

async function aptGet(args: string[]): Promise<void> {
  await run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Makes sure every package in `pkgs` is installed; throws with apt's output when it cannot be done. */
export async function ensureDebianPackages(pkgs: readonly string[]): Promise<void> {
  if ((await missing(pkgs)).length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Debian packages ${(await missing(pkgs)).join(', ')} are missing and this is not root: install them first`);
  }
  await withLock(async () => {
    const todo = await missing(pkgs);
    if (todo.length === 0) return;
    const install = ['install', '-y', '--no-install-recommends', ...todo];
    try {
      await aptGet(install);
    } catch {
      await aptGet(['update']);
      await aptGet(install);
    }
  });
}
