import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { ArtifactStore, inspectArchive } from '../../src/source/artifacts/index.ts';
import { GitSource, isGitSourceError, type GitArtifact } from '../../src/source/git/index.ts';
import { cachePaths } from '../../src/source/git/cache.ts';
import { TestRepo, git, rmTemp, startGitDaemon, tempDir, type GitDaemon } from '../support/git-server.ts';

const log = pino({ level: 'silent' });

async function paths(store: ArtifactStore, a: GitArtifact): Promise<string[]> {
  assert.ok(await store.has(a.digest));
  return (await inspectArchive(a.path)).entries.map((e) => e.path).sort();
}

describe('GitSource over git daemon (git://)', () => {
  let root: string;
  let daemon: GitDaemon;
  let repo: TestRepo;
  let store: ArtifactStore;
  let source: GitSource;
  let cacheDir: string;
  const commits: Record<string, string> = {};

  before(async () => {
    root = tempDir('gitd');
    cacheDir = join(root, '.cache');
    repo = await TestRepo.create(root, 'infra');
    repo.write({ 'README.md': '# infra\n', 'charts/app/Chart.yaml': 'name: app\nversion: 0.1.0\n', 'logo.png': 'png', '.github/workflows/ci.yml': 'on: push\n' });
    commits['first'] = await repo.commit('first');
    await repo.tag('v1.0.0');
    repo.write({ 'charts/app/values.yaml': 'replicas: 1\n' });
    commits['second'] = await repo.commit('second');
    await repo.tag('v1.1.0', { annotated: true });
    await repo.tag('v2.0.0-rc.1');
    await repo.tag('not-a-version');
    await repo.branch('release', commits['first']);
    await repo.push();
    daemon = await startGitDaemon(root);
    store = await ArtifactStore.open({ root: join(root, '.artifacts'), log });
    source = new GitSource({ cacheDir, store, log, timeoutMs: 60_000 });
  });

  after(async () => {
    await daemon.stop();
    rmTemp(root);
  });

  test('a branch is fetched, packed with Flux default excludes, and reported as <branch>@sha1:<id>', async () => {
    const a = await source.fetch({ cacheKey: 'ns/branch', url: daemon.url(repo.name), ref: { branch: 'main' } });
    assert.equal(a.revision, `main@sha1:${commits['second']}`);
    assert.equal(a.commit, commits['second']);
    assert.match(a.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(a.upToDate, false);
    assert.equal(a.reusedCache, false);
    assert.deepEqual(await paths(store, a), ['README.md', 'charts/app/Chart.yaml', 'charts/app/values.yaml']);
    const again = await source.fetch({ cacheKey: 'ns/branch', url: daemon.url(repo.name), ref: { branch: 'main' } });
    assert.equal(again.upToDate, true, 'nothing changed: nothing fetched or packed');
    assert.equal(again.digest, a.digest);
    assert.equal(again.reusedCache, true);
  });

  test('no ref follows the remote default branch', async () => {
    const a = await source.fetch({ cacheKey: 'ns/default', url: daemon.url(repo.name) });
    assert.equal(a.revision, `main@sha1:${commits['second']}`);
  });

  test('tags (lightweight and annotated) resolve to their commit', async () => {
    const light = await source.fetch({ cacheKey: 'ns/tag', url: daemon.url(repo.name), ref: { tag: 'v1.0.0' } });
    assert.equal(light.revision, `v1.0.0@sha1:${commits['first']}`);
    assert.deepEqual(await paths(store, light), ['README.md', 'charts/app/Chart.yaml']);
    const annotated = await source.fetch({ cacheKey: 'ns/tag', url: daemon.url(repo.name), ref: { tag: 'v1.1.0' } });
    assert.equal(annotated.revision, `v1.1.0@sha1:${commits['second']}`);
  });

  test('semver picks the highest matching tag; prereleases only when the range asks for them', async () => {
    const a = await source.fetch({ cacheKey: 'ns/semver', url: daemon.url(repo.name), ref: { semver: '>=1.0.0' } });
    assert.equal(a.revision, `v1.1.0@sha1:${commits['second']}`);
    const b = await source.fetch({ cacheKey: 'ns/semver', url: daemon.url(repo.name), ref: { semver: '~1.0' } });
    assert.equal(b.revision, `v1.0.0@sha1:${commits['first']}`);
    const c = await source.fetch({ cacheKey: 'ns/semver', url: daemon.url(repo.name), ref: { semver: '>=2.0.0-0' } });
    assert.equal(c.revision, `v2.0.0-rc.1@sha1:${commits['second']}`);
    await assert.rejects(source.fetch({ cacheKey: 'ns/semver', url: daemon.url(repo.name), ref: { semver: '>=3' } }),
      (e) => isGitSourceError(e, 'RefNotFound') && /no tag matching semver range ">=3"/.test(e.message));
  });

  test('a commit is fetched by id; with a branch the revision names the branch', async () => {
    const bare = await source.fetch({ cacheKey: 'ns/commit', url: daemon.url(repo.name), ref: { commit: commits['first'] ?? '' } });
    assert.equal(bare.revision, `sha1:${commits['first']}`);
    const withBranch = await source.fetch({ cacheKey: 'ns/commit2', url: daemon.url(repo.name), ref: { branch: 'release', commit: commits['first'] ?? '' } });
    assert.equal(withBranch.revision, `release@sha1:${commits['first']}`);
  });

  test('a name ref is reported in full', async () => {
    const a = await source.fetch({ cacheKey: 'ns/name', url: daemon.url(repo.name), ref: { name: 'refs/heads/release' } });
    assert.equal(a.revision, `refs/heads/release@sha1:${commits['first']}`);
  });

  test('missing refs and repositories are typed errors', async () => {
    const url = daemon.url(repo.name);
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url, ref: { branch: 'nope' } }), (e) => isGitSourceError(e, 'RefNotFound') && /branch "nope"/.test(e.message));
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url, ref: { tag: 'v9' } }), (e) => isGitSourceError(e, 'RefNotFound'));
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url, ref: { commit: 'f'.repeat(40) } }), (e) => isGitSourceError(e, 'RefNotFound'));
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url, ref: { branch: 'gone', commit: commits['first'] ?? '' } }),
      (e) => isGitSourceError(e, 'RefNotFound') && /branch "gone"/.test(e.message));
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url: daemon.url('nothing.git') }), (e) => isGitSourceError(e) && ['RepositoryNotFound', 'Unreachable'].includes(e.code));
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url, ref: { branch: '-x' } }), (e) => isGitSourceError(e, 'InvalidRef') && e.terminal);
    await assert.rejects(source.fetch({ cacheKey: 'ns/missing', url: 'ext::sh -c touch% /tmp/pwned' }), (e) => isGitSourceError(e, 'InvalidUrl'));
  });

  test('a shallow cache picks up a new commit and is reused', async () => {
    const work = await TestRepo.create(root, 'moving');
    work.write({ 'a.yaml': 'a: 1\n' });
    const old = await work.commit('one');
    await work.push();
    const url = daemon.url(work.name);
    const first = await source.fetch({ cacheKey: 'ns/moving', url, ref: { branch: 'main' } });
    assert.equal(first.reusedCache, false);
    work.write({ 'b.yaml': 'b: 2\n' });
    const next = await work.commit('two');
    await work.push();
    const second = await source.fetch({ cacheKey: 'ns/moving', url, ref: { branch: 'main' } });
    assert.equal(second.revision, `main@sha1:${next}`);
    assert.equal(second.reusedCache, true);
    assert.equal(second.upToDate, false);
    assert.notEqual(second.digest, first.digest);
    assert.deepEqual(await paths(store, second), ['a.yaml', 'b.yaml']);
    assert.ok(await store.has(first.digest), 'the previous artifact stays until gc');
    const cache = cachePaths(cacheDir, 'ns/moving', url).repo;
    assert.equal((await git(cache, ['rev-parse', '--is-shallow-repository'])).trim(), 'true');
    assert.equal((await git(cache, ['rev-list', '--count', 'HEAD'])).trim(), '1', 'one commit deep');
    await git(cache, ['cat-file', '-e', `${old}^{commit}`]);
  });

  test('a damaged cache (a stale lock left by a killed git) fails once, then heals', async () => {
    const r = await TestRepo.create(root, 'locked');
    r.write({ 'a.yaml': 'a\n' });
    await r.commit('one');
    await r.push();
    const url = daemon.url(r.name);
    await source.fetch({ cacheKey: 'ns/locked', url });
    writeFileSync(join(cachePaths(cacheDir, 'ns/locked', url).repo, '.git', 'index.lock'), '');
    r.write({ 'b.yaml': 'b\n' });
    const next = await r.commit('two');
    await r.push();
    await assert.rejects(source.fetch({ cacheKey: 'ns/locked', url }), (e) => isGitSourceError(e, 'GitFailed') && /index\.lock/.test(e.message));
    const healed = await source.fetch({ cacheKey: 'ns/locked', url });
    assert.equal(healed.commit, next);
    assert.equal(healed.reusedCache, false);
  });

  test('spec.ignore replaces the default excludes; .sourceignore files apply in their directory', async () => {
    const r = await TestRepo.create(root, 'ignored');
    r.write({
      'deploy/app.yaml': 'a\n', 'deploy/secret.enc.yaml': 's\n', 'docs/index.md': 'd\n', 'img.png': 'p\n',
      'deploy/.sourceignore': '*.enc.yaml\n', '.github/x.yml': 'x\n',
    });
    await r.commit('files');
    await r.push();
    const url = daemon.url(r.name);
    const defaults = await source.fetch({ cacheKey: 'ns/ignored', url });
    assert.deepEqual(await paths(store, defaults), ['.github/x.yml', 'deploy/.sourceignore', 'deploy/app.yaml', 'docs/index.md', 'img.png'],
      'a .sourceignore replaces the default excludes, as in Flux');
    const spec = await source.fetch({ cacheKey: 'ns/ignored', url, ignore: '/*\n!/deploy/\n' });
    assert.deepEqual(await paths(store, spec), ['deploy/.sourceignore', 'deploy/app.yaml']);
  });

  test('the size limit refuses a tree that is too large and keeps nothing', async () => {
    const r = await TestRepo.create(root, 'big');
    r.write({ 'big.bin': Buffer.alloc(200_000, 7), 'small.txt': 'ok\n' });
    await r.commit('big');
    await r.push();
    const url = daemon.url(r.name);
    await assert.rejects(source.fetch({ cacheKey: 'ns/big', url, maxBytes: 100_000 }),
      (e) => isGitSourceError(e, 'TooLarge') && /100000 bytes|97\.65625 KiB|KiB/.test(e.message));
    const ok = await source.fetch({ cacheKey: 'ns/big', url, maxBytes: 100_000, ignore: '*.bin\n' });
    assert.deepEqual(await paths(store, ok), ['small.txt']);
  });
});
