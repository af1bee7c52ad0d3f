/**
 * Debian's OpenSSH server on a loopback port, run as the current user with a throw-away host key, accepting
 * the test's client keys; serves git over ssh:// (git-upload-pack runs as that user). Installs
 * `openssh-server` when missing. `stop()` ends the server and removes its files.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDebianPackages } from './debian-packages.ts';
import { freePort } from './ports.ts';

const run = promisify(execFile);
const SSHD = '/usr/sbin/sshd';

export interface SshKeyPair {
  /** OpenSSH private key (PEM-like text) */
  privateKey: string;
  /** `ssh-ed25519 AAAA… comment` */
  publicKey: string;
}

/** A fresh ed25519 key pair, optionally protected by a passphrase. */
export async function generateSshKey(passphrase = ''): Promise<SshKeyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-sshkey-'));
  try {
    const file = join(dir, 'key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'capstan-test', '-f', file]);
    return { privateKey: readFileSync(file, 'utf8'), publicKey: readFileSync(`${file}.pub`, 'utf8').trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SshServer {
  readonly port: number;
  /** the login user (the current user) */
  readonly user: string;
  /** the known_hosts line for this server: `[127.0.0.1]:PORT ssh-ed25519 AAAA…` */
  readonly knownHosts: string;
  /** `ssh://USER@127.0.0.1:PORT/<absolute path>` */
  url(absolutePath: string): string;
  stop(): Promise<void>;
}

/** Starts sshd accepting `authorizedKeys` (public key lines) for the current user. */
export async function startSshd(authorizedKeys: readonly string[]): Promise<SshServer> {
  await ensureDebianPackages(['openssh-server', 'openssh-client']);
  const dir = mkdtempSync(join(tmpdir(), 'capstan-sshd-'));
  const hostKey = join(dir, 'host_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'capstan-test-host', '-f', hostKey]);
  writeFileSync(join(dir, 'authorized_keys'), `${authorizedKeys.join('\n')}\n`, { mode: 0o600 });
  const port = await freePort();
  const user = userInfo().username;
  writeFileSync(join(dir, 'sshd_config'), [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    `AllowUsers ${user}`,
    'LogLevel INFO',
    '',
  ].join('\n'));
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
  const child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start: ${log}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with code ${code}: ${log}`));
    });
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume();
  child.removeAllListeners('exit');
  const pub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  return {
    port,
    user,
    knownHosts: `[127.0.0.1]:${port} ${pub}`,
    url: (p) => `ssh://${user}@127.0.0.1:${port}${p.startsWith('/') ? '' : '/'}${p}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
