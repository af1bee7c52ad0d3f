import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { pino } from 'pino';
import { ArtifactStore } from '../../src/source/artifacts/index.ts';
import { GitSource, isGitSourceError } from '../../src/source/git/index.ts';
import { TestRepo, rmTemp, tempDir } from '../support/git-server.ts';
import { generateSshKey, startSshd, type SshKeyPair, type SshServer } from '../support/sshd.ts';

const PASSPHRASE = 'correct horse battery staple';

describe('GitSource over ssh:// (Debian sshd on loopback)', () => {
  let root: string;
  let cacheDir: string;
  let sshd: SshServer;
  let repo: TestRepo;
  let source: GitSource;
  let head: string;
  let client: SshKeyPair;
  let protectedKey: SshKeyPair;
  let stranger: SshKeyPair;

  before(async () => {
    root = tempDir('gitssh');
    cacheDir = join(root, '.cache');
    repo = await TestRepo.create(root, 'infra');
    repo.write({ 'clusters/dev/app.yaml': 'kind: HelmRelease\n' });
    head = await repo.commit('init');
    await repo.tag('v0.1.0');
    await repo.push();
    [client, protectedKey, stranger] = await Promise.all([generateSshKey(), generateSshKey(PASSPHRASE), generateSshKey()]);
    sshd = await startSshd([client.publicKey, protectedKey.publicKey]);
    const log = pino({ level: 'silent' });
    const store = await ArtifactStore.open({ root: join(root, '.artifacts'), log });
    source = new GitSource({ cacheDir, store, log, timeoutMs: 60_000 });
  });

  after(async () => {
    await sshd.stop();
    rmTemp(root);
  });

  test('the right key and known_hosts fetch; the temporary key files are gone afterwards', async () => {
    const a = await source.fetch({
      cacheKey: 'ns/ssh', url: sshd.url(repo.bare), ref: { semver: '0.1.x' },
      secret: { identity: client.privateKey, 'identity.pub': client.publicKey, known_hosts: sshd.knownHosts },
    });
    assert.equal(a.revision, `v0.1.0@sha1:${head}`);
    assert.deepEqual(readdirSync(join(cacheDir, 'tmp')), [], 'no credential file outlives the fetch');
  });

  test('a passphrase-protected key works through SSH_ASKPASS', async () => {
    const a = await source.fetch({
      cacheKey: 'ns/ssh-pass', url: sshd.url(repo.bare),
      secret: { identity: protectedKey.privateKey, password: PASSPHRASE, known_hosts: sshd.knownHosts },
    });
    assert.equal(a.revision, `main@sha1:${head}`);
  });

  test('a known_hosts entry with another key is refused as HostKeyMismatch', async () => {
    const other = await generateSshKey();
    const wrong = `[127.0.0.1]:${sshd.port} ${other.publicKey.split(' ').slice(0, 2).join(' ')}`;
    await assert.rejects(source.fetch({ cacheKey: 'ns/ssh-mismatch', url: sshd.url(repo.bare), secret: { identity: client.privateKey, known_hosts: wrong } }),
      (e) => isGitSourceError(e, 'HostKeyMismatch'));
    const elsewhere = `[127.0.0.1]:1 ${sshd.knownHosts.split(' ').slice(1).join(' ')}`;
    await assert.rejects(source.fetch({ cacheKey: 'ns/ssh-mismatch', url: sshd.url(repo.bare), secret: { identity: client.privateKey, known_hosts: elsewhere } }),
      (e) => isGitSourceError(e, 'HostKeyMismatch'), 'an unknown host is never accepted');
  });

  test('ssh without known_hosts is InvalidSecret before any connection', async () => {
    await assert.rejects(source.fetch({ cacheKey: 'ns/ssh-nokh', url: sshd.url(repo.bare), secret: { identity: client.privateKey } }),
      (e) => isGitSourceError(e, 'InvalidSecret') && /known_hosts/.test(e.message) && e.terminal);
  });

  test('an unknown key, or a wrong passphrase, is AuthFailed and shows no key material', async () => {
    for (const secret of [
      { identity: stranger.privateKey, known_hosts: sshd.knownHosts },
      { identity: protectedKey.privateKey, password: 'not the passphrase', known_hosts: sshd.knownHosts },
    ]) {
      await assert.rejects(source.fetch({ cacheKey: 'ns/ssh-auth', url: sshd.url(repo.bare), secret }), (e) => {
        assert.ok(isGitSourceError(e, 'AuthFailed'), String(e));
        const text = `${inspect(e, { depth: 5 })}${JSON.stringify(e)}`;
        for (const line of secret.identity.split('\n').filter((l) => l.length > 20)) assert.ok(!text.includes(line), 'key material leaked');
        assert.ok(!text.includes('not the passphrase'));
        return true;
      });
    }
    assert.deepEqual(readdirSync(join(cacheDir, 'tmp')), []);
  });
});
