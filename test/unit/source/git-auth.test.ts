import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialsFor, isGitSourceError, openAuthSession, parseGitUrl } from '../../../src/source/git/index.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('credentialsFor reads Flux key names from bytes or strings', () => {
  const https = parseGitUrl('https://example.com/r.git');
  assert.deepEqual(credentialsFor(https, { username: enc('bob'), password: enc('pw') }), { basic: { username: 'bob', password: 'pw' } });
  assert.deepEqual(credentialsFor(https, { bearerToken: 'tok', 'ca.crt': 'CA' }), { bearerToken: 'tok', caCert: 'CA' });
  assert.deepEqual(credentialsFor(https, { 'tls.crt': 'C', 'tls.key': 'K' }), { tlsClient: { cert: 'C', key: 'K' } });
  assert.deepEqual(credentialsFor(parseGitUrl('https://u:p@example.com/r.git'), undefined), { basic: { username: 'u', password: 'p' } });
  assert.deepEqual(credentialsFor(parseGitUrl('git://example.com/r.git'), { username: 'x', password: 'y' }), {}, 'git:// has no auth');
  const ssh = credentialsFor(parseGitUrl('git@example.com:r.git'), { identity: 'KEY', known_hosts: 'example.com ssh-ed25519 AAA', password: 'pass' });
  assert.deepEqual(ssh, { ssh: { identity: 'KEY\n', knownHosts: 'example.com ssh-ed25519 AAA\n', passphrase: 'pass' } });
});

test('credentialsFor refuses data that cannot work', () => {
  const https = parseGitUrl('https://example.com/r.git');
  const ssh = parseGitUrl('ssh://git@example.com/r.git');
  for (const [url, data] of [
    [https, { username: 'bob' }], [https, { password: 'pw' }], [https, { username: 'a', password: 'b', bearerToken: 'c' }],
    [https, { 'tls.crt': 'C' }], [ssh, { identity: 'KEY' }], [ssh, { known_hosts: 'x' }], [ssh, undefined],
  ] as const) {
    assert.throws(() => credentialsFor(url, data), (e) => isGitSourceError(e, 'InvalidSecret'), JSON.stringify(data));
  }
});

test('an ssh session keeps the key in 0600 files, checks host keys strictly, and leaves nothing behind', async () => {
  const root = mkdtempSync(join(tmpdir(), 'capstan-auth-'));
  try {
    const url = parseGitUrl('ssh://git@example.com/r.git');
    const s = await openAuthSession(url, credentialsFor(url, { identity: 'PRIVATE KEY', known_hosts: 'example.com ssh-ed25519 AAA', password: 'phrase' }), { tmpRoot: root });
    const cmd = s.env['GIT_SSH_COMMAND'] ?? '';
    assert.match(cmd, /StrictHostKeyChecking=yes/);
    assert.match(cmd, /-F \/dev\/null/);
    assert.match(cmd, /IdentitiesOnly=yes/);
    assert.match(cmd, /BatchMode=no/);
    assert.doesNotMatch(cmd, /PRIVATE KEY|phrase'/);
    const identity = /IdentityFile='([^']+)'/.exec(cmd)?.[1] ?? '';
    assert.equal(readFileSync(identity, 'utf8'), 'PRIVATE KEY\n');
    assert.equal(statSync(identity).mode & 0o777, 0o600);
    assert.equal(statSync(/UserKnownHostsFile='([^']+)'/.exec(cmd)?.[1] ?? '').mode & 0o777, 0o600);
    const askpass = s.env['SSH_ASKPASS'] ?? '';
    assert.equal(statSync(askpass).mode & 0o777, 0o700);
    assert.ok(!readFileSync(askpass, 'utf8').includes('phrase\n'), 'the script reads the passphrase from a file');
    assert.equal(s.env['SSH_ASKPASS_REQUIRE'], 'force');
    assert.equal(s.env['GIT_TERMINAL_PROMPT'], '0');
    assert.equal(s.env['GIT_CONFIG_GLOBAL'], '/dev/null');
    await s.close();
    assert.ok(!existsSync(identity) && !existsSync(askpass));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an http session passes the Authorization header through GIT_CONFIG_*, scoped to the origin', async () => {
  const root = mkdtempSync(join(tmpdir(), 'capstan-auth-'));
  try {
    const url = parseGitUrl('https://example.com:8443/r.git');
    const s = await openAuthSession(url, credentialsFor(url, { username: 'bob', password: 'pw', 'ca.crt': 'CA' }), { tmpRoot: root });
    assert.equal(s.env['GIT_CONFIG_COUNT'], '2');
    assert.equal(s.env['GIT_CONFIG_KEY_0'], 'http.https://example.com:8443.extraHeader');
    assert.equal(s.env['GIT_CONFIG_VALUE_0'], `Authorization: Basic ${Buffer.from('bob:pw').toString('base64')}`);
    assert.equal(s.env['GIT_CONFIG_KEY_1'], 'http.https://example.com:8443.sslCAInfo');
    assert.equal(readFileSync(s.env['GIT_CONFIG_VALUE_1'] ?? '', 'utf8'), 'CA');
    assert.equal(s.env['GIT_SSH_COMMAND'], undefined);
    await s.close();
    await s.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
