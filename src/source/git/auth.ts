/**
 * The environment one git invocation runs with, credentials included, without putting any secret on a
 * command line (visible to every user in /proc) or in a file that outlives the fetch:
 * - ssh: the key and known_hosts in files of mode 0600 in a private temporary directory, named by
 *   `GIT_SSH_COMMAND` with `StrictHostKeyChecking=yes` (never accept an unknown or changed host key);
 *   a key passphrase through an `SSH_ASKPASS` script reading a 0600 file;
 * - http(s): an `Authorization` header as `http.<origin>.extraHeader`, a CA bundle as `sslCAInfo`, all set
 *   through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` (environment, not argv), scoped to the
 *   repository's origin so a redirect elsewhere does not carry them.
 * Git never reads the user's or the system's configuration, never prompts, and speaks only the protocols
 * Capstan supports. `close()` removes the temporary directory.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Scrubber } from './redact.ts';
import type { GitCredentials, SshCredentials } from './secret.ts';
import type { GitUrl } from './url.ts';

export interface GitAuthSession {
  /** the complete environment for git (nothing else from the process environment is passed) */
  env: Record<string, string>;
  /** removes every temporary file; safe to call twice */
  close(): Promise<void>;
}

export interface AuthSessionOptions {
  /** where the private temporary directory is made (must allow executing the askpass script) */
  tmpRoot: string;
  /** ssh ConnectTimeout in seconds */
  connectTimeoutSec?: number;
}

/** Process environment variables passed through to git: the search path and proxy/TLS settings. */
const PASSED_THROUGH = ['PATH', 'http_proxy', 'https_proxy', 'no_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR'];

/** Creates the session's files and environment. The caller must `close()` it when git has finished. */
export async function openAuthSession(url: GitUrl, creds: GitCredentials, opts: AuthSessionOptions): Promise<GitAuthSession> {
  await mkdir(opts.tmpRoot, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(opts.tmpRoot, 'auth-'));
  await chmod(dir, 0o700);
  const close = async (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const env = baseEnv(dir);
    const config: [string, string][] = [];
    if (creds.ssh !== undefined) Object.assign(env, await sshEnv(dir, creds.ssh, opts.connectTimeoutSec ?? 30));
    if (url.scheme === 'http' || url.scheme === 'https') config.push(...await httpConfig(dir, url, creds));
    config.forEach(([k, v], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = k;
      env[`GIT_CONFIG_VALUE_${i}`] = v;
    });
    if (config.length > 0) env['GIT_CONFIG_COUNT'] = String(config.length);
    return { env, close };
  } catch (e) {
    await close();
    throw e;
  }
}

function baseEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of PASSED_THROUGH) {
    const v = process.env[k];
    if (v !== undefined) env[k] = v;
  }
  env['PATH'] ??= '/usr/local/bin:/usr/bin:/bin';
  Object.assign(env, {
    HOME: home,
    // English messages: errors are classified from git's and ssh's words
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ALLOW_PROTOCOL: 'ssh:https:http:git:file',
  });
  return env;
}

async function secretFile(dir: string, name: string, content: string, mode = 0o600): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, content, { mode, flag: 'wx' });
  return p;
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}

async function sshEnv(dir: string, ssh: SshCredentials, connectTimeoutSec: number): Promise<Record<string, string>> {
  const identity = await secretFile(dir, 'identity', ssh.identity);
  const knownHosts = await secretFile(dir, 'known_hosts', ssh.knownHosts);
  const env: Record<string, string> = {};
  const opts = [
    '-F', '/dev/null',
    '-o', `IdentityFile=${shellQuote(identity)}`,
    '-o', 'IdentitiesOnly=yes',
    '-o', 'IdentityAgent=none',
    '-o', `UserKnownHostsFile=${shellQuote(knownHosts)}`,
    '-o', 'GlobalKnownHostsFile=/dev/null',
    '-o', 'StrictHostKeyChecking=yes',
    '-o', 'UpdateHostKeys=no',
    '-o', 'CheckHostIP=no',
    '-o', 'PasswordAuthentication=no',
    '-o', 'KbdInteractiveAuthentication=no',
    '-o', `ConnectTimeout=${connectTimeoutSec}`,
    '-o', 'ServerAliveInterval=15',
    '-o', 'ServerAliveCountMax=4',
  ];
  if (ssh.passphrase !== undefined) {
    const pass = await secretFile(dir, 'passphrase', ssh.passphrase);
    env['SSH_ASKPASS'] = await secretFile(dir, 'askpass', `#!/bin/sh\nexec cat ${shellQuote(pass)}\n`, 0o700);
    env['SSH_ASKPASS_REQUIRE'] = 'force';
    opts.push('-o', 'BatchMode=no');
  } else {
    opts.push('-o', 'BatchMode=yes');
  }
  env['GIT_SSH_COMMAND'] = `ssh ${opts.join(' ')}`;
  env['GIT_SSH_VARIANT'] = 'ssh';
  return env;
}

async function httpConfig(dir: string, url: GitUrl, creds: GitCredentials): Promise<[string, string][]> {
  const scope = `http.${url.origin}`;
  const out: [string, string][] = [];
  if (creds.bearerToken !== undefined) {
    out.push([`${scope}.extraHeader`, `Authorization: Bearer ${creds.bearerToken}`]);
  } else if (creds.basic !== undefined) {
    const b64 = Buffer.from(`${creds.basic.username}:${creds.basic.password}`).toString('base64');
    out.push([`${scope}.extraHeader`, `Authorization: Basic ${b64}`]);
  }
  if (creds.caCert !== undefined) out.push([`${scope}.sslCAInfo`, await secretFile(dir, 'ca.crt', creds.caCert)]);
  if (creds.tlsClient !== undefined) {
    out.push([`${scope}.sslCert`, await secretFile(dir, 'tls.crt', creds.tlsClient.cert)]);
    out.push([`${scope}.sslKey`, await secretFile(dir, 'tls.key', creds.tlsClient.key)]);
  }
  return out;
}

/** A scrubber for everything these credentials could put in git's output. */
export function scrubberFor(creds: GitCredentials, extra: readonly string[] = []): Scrubber {
  const values = [...extra];
  if (creds.basic !== undefined) {
    values.push(creds.basic.password, `${creds.basic.username}:${creds.basic.password}`);
  }
  if (creds.bearerToken !== undefined) values.push(creds.bearerToken);
  if (creds.ssh !== undefined) {
    values.push(creds.ssh.identity);
    if (creds.ssh.passphrase !== undefined) values.push(creds.ssh.passphrase);
  }
  if (creds.tlsClient !== undefined) values.push(creds.tlsClient.key);
  return new Scrubber(values);
}
