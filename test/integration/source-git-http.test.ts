import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { pino } from 'pino';
import { ArtifactStore } from '../../src/source/artifacts/index.ts';
import { GitSource, isGitSourceError, type GitSourceError } from '../../src/source/git/index.ts';
import { TestRepo, rmTemp, startGitHttpServer, tempDir, type GitHttpServer } from '../support/git-server.ts';
import { makeTestPki } from '../support/tls-certs.ts';

const PASSWORD = 'hunter2-very-secret-password';
const TOKEN = 'tok-3f9a7c1e5b2d4a6c8e0f';

/** Everything a failure exposes: message, cause chain, JSON, util.inspect. */
function exposed(e: GitSourceError): string {
  let out = `${e.message}\n${JSON.stringify(e)}\n${inspect(e, { depth: 5 })}\n${String(e)}`;
  for (let c: unknown = e.cause; c instanceof Error; c = c.cause) out += `\n${c.message}\n${c.stack ?? ''}`;
  return out;
}

function assertNoSecret(text: string, ...secrets: string[]): void {
  for (const s of secrets) {
    assert.ok(!text.includes(s), `"${s.slice(0, 6)}…" leaked into: ${text.slice(0, 400)}`);
    const b64 = Buffer.from(s).toString('base64');
    assert.ok(!text.includes(b64), 'a base64 form leaked');
  }
}

describe('GitSource over git http-backend (smart HTTP) behind auth', () => {
  let root: string;
  let basic: GitHttpServer;
  let bearer: GitHttpServer;
  let tls: GitHttpServer;
  let repo: TestRepo;
  let source: GitSource;
  let head: string;
  let ca: string;
  let otherCa: string;
  const logLines: string[] = [];

  before(async () => {
    root = tempDir('githttp');
    repo = await TestRepo.create(root, 'infra');
    repo.write({ 'apps/web.yaml': 'kind: HelmRelease\n' });
    head = await repo.commit('init');
    await repo.push();
    basic = await startGitHttpServer({ root, auth: { basic: { username: 'alice', password: PASSWORD } } });
    bearer = await startGitHttpServer({ root, auth: { bearer: TOKEN } });
    const pki = makeTestPki();
    ca = pki.caCert;
    otherCa = pki.otherCaCert;
    tls = await startGitHttpServer({ root, auth: { basic: { username: 'alice', password: PASSWORD } }, tls: { key: pki.serverKey, cert: pki.serverCert } });
    const sink = new Writable({ write(chunk: Buffer, _e, cb) { logLines.push(chunk.toString()); cb(); } });
    const log = pino({ level: 'debug' }, sink);
    const store = await ArtifactStore.open({ root: join(root, '.artifacts'), log });
    source = new GitSource({ cacheDir: join(root, '.cache'), store, log, timeoutMs: 60_000 });
  });

  after(async () => {
    await Promise.all([basic.stop(), bearer.stop(), tls.stop()]);
    rmTemp(root);
    assertNoSecret(logLines.join(''), PASSWORD, TOKEN);
  });

  test('basic auth from the Secret fetches', async () => {
    const a = await source.fetch({ cacheKey: 'ns/basic', url: basic.url(repo.name), ref: { branch: 'main' }, secret: { username: 'alice', password: new TextEncoder().encode(PASSWORD) } });
    assert.equal(a.revision, `main@sha1:${head}`);
    assert.ok(basic.requests.some((r) => r.status === 200 && r.authorization?.startsWith('Basic ')));
  });

  test('credentials in the URL are moved to a header and redacted everywhere', async () => {
    const url = basic.url(repo.name).replace('://', `://alice:${PASSWORD}@`);
    const a = await source.fetch({ cacheKey: 'ns/userinfo', url });
    assert.equal(a.url, `${basic.url(repo.name).replace('://', '://***@')}`);
    assertNoSecret(JSON.stringify(a), PASSWORD);
  });

  test('a bearer token fetches', async () => {
    const a = await source.fetch({ cacheKey: 'ns/bearer', url: bearer.url(repo.name), secret: { bearerToken: TOKEN } });
    assert.equal(a.revision, `main@sha1:${head}`);
  });

  test('missing or wrong credentials are AuthFailed and never show the secret', async () => {
    const url = basic.url(repo.name);
    await assert.rejects(source.fetch({ cacheKey: 'ns/none', url }), (e) => isGitSourceError(e, 'AuthFailed'));
    for (const secret of [{ username: 'alice', password: `${PASSWORD}-wrong` }, { bearerToken: `${TOKEN}-wrong` }]) {
      await assert.rejects(source.fetch({ cacheKey: 'ns/wrong', url, secret }), (e) => {
        assert.ok(isGitSourceError(e, 'AuthFailed'), String(e));
        assertNoSecret(exposed(e), PASSWORD, TOKEN, `${PASSWORD}-wrong`, `${TOKEN}-wrong`, `alice:${PASSWORD}-wrong`);
        return true;
      });
    }
    const withUserinfo = url.replace('://', `://alice:${PASSWORD}-wrong@`);
    await assert.rejects(source.fetch({ cacheKey: 'ns/wrong', url: withUserinfo }), (e) => {
      assert.ok(isGitSourceError(e, 'AuthFailed'));
      assertNoSecret(exposed(e), `${PASSWORD}-wrong`);
      assert.match(e.url, /\*\*\*@/);
      return true;
    });
  });

  test('contradictory Secrets are InvalidSecret (terminal)', async () => {
    await assert.rejects(source.fetch({ cacheKey: 'ns/bad', url: basic.url(repo.name), secret: { username: 'alice' } }),
      (e) => isGitSourceError(e, 'InvalidSecret') && e.terminal);
    await assert.rejects(source.fetch({ cacheKey: 'ns/bad', url: basic.url(repo.name), secret: { username: 'a', password: PASSWORD, bearerToken: TOKEN } }),
      (e) => isGitSourceError(e, 'InvalidSecret') && !exposed(e).includes(PASSWORD));
  });

  test('https with the Secret\'s ca.crt fetches; without it, or with another CA, the host is Unreachable', async () => {
    const url = tls.url(repo.name);
    const a = await source.fetch({ cacheKey: 'ns/tls', url, secret: { username: 'alice', password: PASSWORD, 'ca.crt': ca } });
    assert.equal(a.revision, `main@sha1:${head}`);
    await assert.rejects(source.fetch({ cacheKey: 'ns/tls', url, secret: { username: 'alice', password: PASSWORD } }),
      (e) => isGitSourceError(e, 'Unreachable') && /certificate/i.test(e.message));
    await assert.rejects(source.fetch({ cacheKey: 'ns/tls', url, secret: { username: 'alice', password: PASSWORD, 'ca.crt': otherCa } }),
      (e) => isGitSourceError(e, 'Unreachable'));
  });

  test('a closed port is Unreachable; a missing repository is RepositoryNotFound', async () => {
    const dead = basic.url(repo.name).replace(/:\d+\//, ':1/');
    await assert.rejects(source.fetch({ cacheKey: 'ns/dead', url: dead }), (e) => isGitSourceError(e, 'Unreachable'));
    await assert.rejects(source.fetch({ cacheKey: 'ns/dead', url: bearer.url('missing.git'), secret: { bearerToken: TOKEN } }),
      (e) => isGitSourceError(e, 'RepositoryNotFound'));
  });

  test('a fetch past its time limit is Timeout; an aborted one is Cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await assert.rejects(source.fetch({ cacheKey: 'ns/abort', url: basic.url(repo.name), secret: { username: 'alice', password: PASSWORD }, signal: ctl.signal }),
      (e) => isGitSourceError(e, 'Cancelled'));
    await assert.rejects(source.fetch({ cacheKey: 'ns/slow', url: basic.url(repo.name), secret: { username: 'alice', password: PASSWORD }, timeoutMs: 1 }),
      (e) => isGitSourceError(e, 'Timeout'));
  });
});
