/**
 * Setters write-back against real Git servers on loopback: a local bare repository over file:// and
 * `git http-backend` with basic auth (credentials through the Git source's auth session). Concurrent pushes
 * force the fetch-rebase-retry path (a change elsewhere: rebased; a change to the same line: re-applied; the
 * same change: nothing to push), and a bad update is reverted with a new commit.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import {
  WriteBackError, revertCommit, writeBack, type PolicyValue, type WriteBackOptions,
} from '../../src/image/setters/index.ts';
import { credentialsFor, openAuthSession, parseGitUrl, type GitAuthSession } from '../../src/source/git/index.ts';
import { TestRepo, git, rmTemp, startGitHttpServer, tempDir, type GitHttpServer } from '../support/git-server.ts';

const logger = pino({ level: 'silent' });
const author = { name: 'capstan', email: 'capstan@localhost' };
const opts: WriteBackOptions = { author, branch: 'main', logger, backoffMs: () => 0, automation: 'capstan-system/infra' };

const release = (tag: string, extra = ''): string => `apiVersion: helm.capstan.dev/v1
kind: HelmRelease
metadata:
  name: k8sdemo
  namespace: apps
spec:
  values:
    image:
      repository: 127.0.0.1:5000/myapp # {"$imagepolicy": "apps:myapp:name"}
      tag: ${tag} # {"$imagepolicy": "apps:myapp:tag"}
${extra}`;

const web = (tag: string): string => `kind: Deployment
metadata: {name: web, namespace: apps}
spec:
  template:
    spec:
      containers:
        - name: web
          image: 127.0.0.1:5000/web:${tag} # {"$imagepolicy": "apps:web"}
`;

const myapp = (tag: string): Record<string, PolicyValue> => ({ 'apps:myapp': { image: '127.0.0.1:5000/myapp', tag } });

let root: string;
let seq = 0;

/** A fresh bare repository with the fixtures, and n clones of it (all at the same commit). */
async function setup(n: number): Promise<{ repo: TestRepo; clones: string[] }> {
  const repo = await TestRepo.create(root, `infra-${++seq}`);
  repo.write({ 'clusters/dev/k8sdemo.yaml': release('1.0.0'), 'clusters/dev/web.yaml': web('1.0'), 'README.md': '# infra\n' });
  await repo.commit('initial');
  await repo.push();
  const clones: string[] = [];
  for (let i = 0; i < n; i++) {
    const dir = join(root, `clone-${seq}-${i}`);
    await git(root, ['clone', '--quiet', `file://${repo.bare}`, dir]);
    clones.push(dir);
  }
  return { repo, clones };
}

/** Commits files in a clone and pushes them (another writer). */
async function pushFrom(dir: string, files: Record<string, string>, message: string): Promise<string> {
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  await git(dir, ['add', '--all']);
  await git(dir, ['commit', '--quiet', '-m', message]);
  await git(dir, ['push', '--quiet', 'origin', 'HEAD:main']);
  return (await git(dir, ['rev-parse', 'HEAD'])).trim();
}

async function remoteFile(repo: TestRepo, path: string): Promise<string> {
  return git(root, ['--git-dir', repo.bare, 'show', `main:${path}`]);
}

async function remoteLog(repo: TestRepo): Promise<string[]> {
  return (await git(root, ['--git-dir', repo.bare, 'log', '--format=%s', 'main'])).trim().split('\n');
}

before(() => {
  root = tempDir('image-write-back');
});

after(() => rmTemp(root));

describe('writeBack over file://', () => {
  test('sets the markers, commits as the author with the default message, pushes', async () => {
    const { repo, clones: [a = ''] } = await setup(1);
    const r = await writeBack(a, { path: './clusters', policies: myapp('1.1.0') }, opts);
    assert.equal(r.pushed, true);
    assert.equal(r.attempts, 1);
    assert.deepEqual(r.retries, []);
    assert.deepEqual(r.changes.map((c) => [c.file, c.line, c.oldValue, c.newValue]), [['clusters/dev/k8sdemo.yaml', 10, '1.0.0', '1.1.0']]);
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('1.1.0'));
    assert.equal(await remoteFile(repo, 'clusters/dev/web.yaml'), web('1.0'));
    const [head = ''] = (await git(root, ['--git-dir', repo.bare, 'log', '-1', '--format=%H%n%an <%ae>%n%cn <%ce>%n%B', 'main'])).split('\n\u0000');
    const [sha, authorLine, committerLine, ...body] = head.split('\n');
    assert.equal(sha, r.commit);
    assert.equal(authorLine, 'capstan <capstan@localhost>');
    assert.equal(committerLine, 'capstan <capstan@localhost>');
    assert.equal(body.join('\n').trim(), [
      'Update from image update automation',
      '',
      'Automation: capstan-system/infra',
      '',
      'Files:',
      '- clusters/dev/k8sdemo.yaml',
      '  - line 10 HelmRelease apps/k8sdemo: 1.0.0 -> 1.1.0 (apps:myapp:tag)',
    ].join('\n'));
  });

  test('nothing to change: no commit, no push', async () => {
    const { repo, clones: [a = ''] } = await setup(1);
    const before = await remoteLog(repo);
    const r = await writeBack(a, { path: 'clusters', policies: myapp('1.0.0') }, opts);
    assert.deepEqual(r, { pushed: false, changes: [], warnings: [], attempts: 0, retries: [] });
    assert.deepEqual(await remoteLog(repo), before);
  });

  test('a concurrent push to another file: rejected, fetched, rebased, pushed in the same call', async () => {
    const { repo, clones: [a = '', b = ''] } = await setup(2);
    await pushFrom(b, { 'README.md': '# infra, edited\n' }, 'someone edits the README');
    const r = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, { ...opts, message: 'bump myapp' });
    assert.equal(r.pushed, true);
    assert.equal(r.attempts, 2);
    assert.deepEqual(r.retries, ['rebased']);
    assert.deepEqual(await remoteLog(repo), ['bump myapp', 'someone edits the README', 'initial']);
    assert.equal(await remoteFile(repo, 'README.md'), '# infra, edited\n');
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('1.1.0'));
  });

  test('a concurrent push to the same line: the rebase conflicts, the setters run again on the new head', async () => {
    const { repo, clones: [a = '', b = ''] } = await setup(2);
    await pushFrom(b, { 'clusters/dev/k8sdemo.yaml': release('1.0.5', '    replicaCount: 3\n') }, 'manual hotfix 1.0.5');
    const r = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, { ...opts, message: 'bump myapp' });
    assert.equal(r.pushed, true);
    assert.deepEqual(r.retries, ['reapplied']);
    assert.deepEqual(r.changes.map((c) => [c.oldValue, c.newValue]), [['1.0.5', '1.1.0']], 'the changes of the commit actually pushed');
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('1.1.0', '    replicaCount: 3\n'));
    assert.deepEqual(await remoteLog(repo), ['bump myapp', 'manual hotfix 1.0.5', 'initial']);
  });

  test('the same change pushed by someone else: nothing left to push', async () => {
    const { repo, clones: [a = '', b = ''] } = await setup(2);
    const theirs = await pushFrom(b, { 'clusters/dev/k8sdemo.yaml': release('1.1.0') }, 'same bump, elsewhere');
    const r = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, opts);
    assert.equal(r.pushed, false);
    assert.equal(r.commit, theirs);
    assert.deepEqual(await remoteLog(repo), ['same bump, elsewhere', 'initial']);
  });

  test('two automations pushing at once from stale clones both land', async () => {
    const { repo, clones: [a = '', b = ''] } = await setup(2);
    const [ra, rb] = await Promise.all([
      writeBack(a, { path: 'clusters', policies: myapp('2.0.0') }, { ...opts, message: 'bump myapp', backoffMs: () => 20 }),
      writeBack(b, { path: 'clusters', policies: { 'apps:web': { image: '127.0.0.1:5000/web', tag: '2.0' } } }, { ...opts, message: 'bump web', backoffMs: () => 20 }),
    ]);
    assert.equal(ra.pushed && rb.pushed, true);
    assert.equal(ra.retries.length + rb.retries.length >= 1, true, 'one of them lost the race and retried');
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('2.0.0'));
    assert.equal(await remoteFile(repo, 'clusters/dev/web.yaml'), web('2.0'));
    assert.deepEqual((await remoteLog(repo)).slice(2), ['initial']);
  });

  test('retries are bounded: PushConflict after maxAttempts', async () => {
    const { clones: [a = '', b = ''] } = await setup(2);
    await pushFrom(b, { 'README.md': 'x\n' }, 'moved');
    await assert.rejects(writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, { ...opts, maxAttempts: 1 }),
      (e: unknown) => e instanceof WriteBackError && e.code === 'PushConflict' && /rejected 1 times/.test(e.message));
  });

  test('a push refused by the server (hook) is PushFailed at once, not retried', async () => {
    const { repo, clones: [a = ''] } = await setup(1);
    const hook = join(repo.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "branch main is protected" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    await assert.rejects(writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, opts), (e: unknown) => {
      assert.ok(e instanceof WriteBackError);
      assert.equal(e.code, 'PushFailed');
      assert.match(e.output, /branch main is protected/);
      return true;
    });
  });

  test('update.path outside the repository is InvalidPath', async () => {
    const { clones: [a = ''] } = await setup(1);
    await assert.rejects(writeBack(a, { path: '../..', policies: myapp('1.1.0') }, opts), (e: unknown) => e instanceof WriteBackError && e.code === 'InvalidPath');
    await assert.rejects(writeBack(a, { path: 'nope', policies: myapp('1.1.0') }, opts), /does not exist/);
  });
});

describe('revertCommit', () => {
  test('reverts an update with a new commit "Revert … because …" and pushes it', async () => {
    const { repo, clones: [a = ''] } = await setup(1);
    const up = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, opts);
    const r = await revertCommit(a, up.commit ?? '', 'apps/k8sdemo did not become ready within 5m', { author, branch: 'main', logger });
    assert.equal(r.pushed, true);
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('1.0.0'));
    const msg = await git(root, ['--git-dir', repo.bare, 'log', '-1', '--format=%B', 'main']);
    assert.equal(msg.trim(), `Revert "Update from image update automation"\n\nThis reverts commit ${up.commit ?? ''} because apps/k8sdemo did not become ready within 5m.`);
    assert.equal((await git(root, ['--git-dir', repo.bare, 'rev-parse', 'main'])).trim(), r.commit);
  });

  test('from a stale clone, after an unrelated push: rebased and pushed', async () => {
    const { repo, clones: [a = '', b = ''] } = await setup(2);
    const up = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, opts);
    await git(b, ['pull', '--quiet', 'origin', 'main']);
    await pushFrom(b, { 'README.md': 'later\n' }, 'later work');
    const r = await revertCommit(a, up.commit ?? '', 'health check failed', { author, branch: 'main', logger, backoffMs: () => 0 });
    assert.equal(r.pushed, true);
    assert.equal(r.attempts, 2);
    assert.deepEqual((await remoteLog(repo)).slice(0, 2), ['Revert "Update from image update automation"', 'later work']);
    assert.equal(await remoteFile(repo, 'clusters/dev/k8sdemo.yaml'), release('1.0.0'));
  });

  test('a commit whose lines changed since does not revert cleanly: RevertConflict, checkout left clean', async () => {
    const { clones: [a = ''] } = await setup(1);
    const up = await writeBack(a, { path: 'clusters', policies: myapp('1.1.0') }, opts);
    await writeBack(a, { path: 'clusters', policies: myapp('1.2.0') }, opts);
    await assert.rejects(revertCommit(a, up.commit ?? '', 'bad', { author, branch: 'main', logger }),
      (e: unknown) => e instanceof WriteBackError && e.code === 'RevertConflict');
    assert.equal((await git(a, ['status', '--porcelain'])).trim(), '');
  });

  test('an unknown commit is refused', async () => {
    const { clones: [a = ''] } = await setup(1);
    await assert.rejects(revertCommit(a, 'not-a-sha', 'x', { author, branch: 'main', logger }), /is not a commit id/);
    await assert.rejects(revertCommit(a, 'a'.repeat(40), 'x', { author, branch: 'main', logger }), (e: unknown) => e instanceof WriteBackError);
  });
});

describe('writeBack over git http-backend with basic auth', () => {
  let server: GitHttpServer;
  let session: GitAuthSession;
  const password = 'http-s3cret-pass';

  before(async () => {
    server = await startGitHttpServer({ root, auth: { basic: { username: 'bot', password } } });
  });
  after(async () => {
    await session?.close();
    await server?.stop();
  });

  test('the auth session\'s environment carries the credentials; a concurrent push is rebased', async () => {
    const repo = await TestRepo.create(root, 'over-http');
    repo.write({ 'apps/k8sdemo.yaml': release('1.0.0') });
    await repo.commit('initial');
    await repo.push();
    const url = parseGitUrl(server.url(repo.name));
    session = await openAuthSession(url, credentialsFor(url, { username: 'bot', password }), { tmpRoot: join(root, '.auth') });
    const dir = join(root, 'http-clone');
    await git(root, ['-c', `http.extraHeader=Authorization: Basic ${Buffer.from(`bot:${password}`).toString('base64')}`, 'clone', '--quiet', url.url, dir]);
    repo.write({ 'NOTES.md': 'concurrent\n' });
    await repo.commit('concurrent');
    await repo.push();
    const r = await writeBack(dir, { path: 'apps', policies: myapp('1.1.0') }, { ...opts, env: session.env });
    assert.equal(r.pushed, true);
    assert.deepEqual(r.retries, ['rebased']);
    assert.equal(await remoteFile(repo, 'apps/k8sdemo.yaml'), release('1.1.0'));
    assert.ok(server.requests.some((q) => q.path.includes('git-receive-pack') && q.status === 200));
  });

  test('wrong credentials: PushFailed, and the password is not in the error', async () => {
    const repo = await TestRepo.create(root, 'over-http-denied');
    repo.write({ 'apps/k8sdemo.yaml': release('1.0.0') });
    await repo.commit('initial');
    await repo.push();
    const url = parseGitUrl(server.url(repo.name));
    const dir = join(root, 'http-clone-denied');
    await git(root, ['-c', `http.extraHeader=Authorization: Basic ${Buffer.from(`bot:${password}`).toString('base64')}`, 'clone', '--quiet', url.url, dir]);
    const bad = await openAuthSession(url, credentialsFor(url, { username: 'bot', password: 'wrong-password-x' }), { tmpRoot: join(root, '.auth') });
    try {
      await assert.rejects(writeBack(dir, { path: 'apps', policies: myapp('1.1.0') }, { ...opts, env: bad.env }), (e: unknown) => {
        assert.ok(e instanceof WriteBackError);
        assert.equal(e.code, 'PushFailed');
        assert.ok(!e.message.includes('wrong-password-x') && !e.output.includes('wrong-password-x'));
        return true;
      });
    } finally {
      await bad.close();
    }
    assert.equal(readFileSync(join(dir, 'apps/k8sdemo.yaml'), 'utf8'), release('1.1.0'), 'the local commit stays for the next attempt');
  });
});
