/**
 * HelmRepositoryClient against a real chart repository on loopback: charts packaged and indexed by the real
 * Helm CLI (v3.17.2) and served by node:http, with ETag/Last-Modified, basic auth, gzip and redirects.
 * Helm itself is the oracle for version selection and error messages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { HelmRepositoryClient, HelmRepositoryError } from '../../src/source/helm-repository/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { startChartRepoServer, type ChartRepoServer } from '../support/chart-repo-server.ts';
import { helm, helmEnv, helmOk, packageChart } from '../support/helm-package.ts';

const logger = createRootLogger({ level: 'silent' });
const VERSIONS = ['0.1.0', '0.2.0', '1.0.0', '1.1.0-rc.1', '1.0.1+build.7', '2.0.0-alpha.1'];

let root: string;
let env: NodeJS.ProcessEnv;
let repoDir: string;
let server: ChartRepoServer;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'capstan-helmrepo-'));
  env = helmEnv(join(root, 'helm'));
  repoDir = join(root, 'repo');
  await packageChart(repoDir, 'demo', VERSIONS, env);
  await packageChart(repoDir, 'other', ['3.0.0'], env);
  await helmOk(['repo', 'index', repoDir], env); // relative URLs, as `helm repo index` writes without --url
  server = await startChartRepoServer({ dir: repoDir });
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const client = (url: string, extra: Partial<ConstructorParameters<typeof HelmRepositoryClient>[0]> = {}): HelmRepositoryClient =>
  new HelmRepositoryClient({ url, logger, ...extra });

describe('index and download', () => {
  test('resolves from a Helm-written index and downloads the archive with its digest checked', async () => {
    const c = client(`${server.url}/`);
    try {
      const entry = await c.resolve('demo', '^1.0.0');
      assert.equal(entry.version, '1.0.1+build.7');
      assert.deepEqual(entry.urls, ['demo-1.0.1+build.7.tgz']);
      const dl = await c.download(entry);
      const onDisk = readFileSync(join(repoDir, 'demo-1.0.1+build.7.tgz'));
      assert.deepEqual(Buffer.from(dl.tgz), onDisk);
      assert.equal(dl.digest, `sha256:${createHash('sha256').update(onDisk).digest('hex')}`);
      assert.equal(dl.digest, `sha256:${entry.digest}`);
      const index = c.cached();
      assert.equal(index?.chartCount, 2);
      assert.equal(index?.versionCount, VERSIONS.length + 1);
      assert.deepEqual([...(index?.entries.keys() ?? [])], ['demo']);
    } finally {
      c.close();
    }
  });

  test('version selection matches `helm pull --repo` for every constraint', async () => {
    const c = client(server.url);
    const out = join(root, 'pulls');
    try {
      for (const constraint of ['', '*', '^0.1', '~0.2', '>=1.0.0-0', '1.0.1+build.7', '>0.1.0 <1.0.0', '2.0.0-alpha.1', '1.x', '*-0']) {
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out);
        const args = ['pull', 'demo', '--repo', server.url, '-d', out, ...(constraint !== '' ? ['--version', constraint] : [])];
        const r = await helm(args, env);
        assert.equal(r.code, 0, `helm ${args.join(' ')}: ${r.stderr}`);
        const theirs = readdir(out);
        const ours = await c.resolve('demo', constraint);
        assert.equal(`demo-${ours.version}.tgz`, theirs, `constraint ${JSON.stringify(constraint)}`);
      }
    } finally {
      c.close();
    }
  });

  test('not-found errors carry the words `helm pull --repo` prints', async () => {
    const c = client(server.url);
    try {
      for (const [chart, constraint] of [['demo', '9.9.9'], ['demo', '>=5'], ['nope', '']] as const) {
        const r = await helm(['pull', chart, '--repo', server.url, '-d', root, ...(constraint !== '' ? ['--version', constraint] : [])], env);
        assert.notEqual(r.code, 0);
        const helmMessage = r.stderr.trim().replace(/^Error: /, '');
        await assert.rejects(c.resolve(chart, constraint), (e: unknown) => {
          assert.ok(e instanceof HelmRepositoryError);
          assert.equal(e.code, 'ChartNotFound');
          assert.equal(e.message, helmMessage);
          return true;
        });
      }
      await assert.rejects(c.resolve('demo', '>=5'), (e: Error) => (e.cause as Error).message === 'no chart version found for demo->=5');
    } finally {
      c.close();
    }
  });

  test('a tampered archive fails the digest check', async () => {
    const dir = mkdtempSync(join(root, 'tampered-'));
    copyFileSync(join(repoDir, 'index.yaml'), join(dir, 'index.yaml'));
    writeFileSync(join(dir, 'demo-1.0.0.tgz'), Buffer.concat([readFileSync(join(repoDir, 'demo-1.0.0.tgz')), Buffer.from('x')]));
    const srv = await startChartRepoServer({ dir });
    const c = client(srv.url);
    try {
      const entry = await c.resolve('demo', '1.0.0');
      await assert.rejects(c.download(entry), (e: unknown) => {
        assert.ok(e instanceof HelmRepositoryError);
        assert.equal(e.code, 'DigestMismatch');
        assert.match(e.message, new RegExp(`chart "demo" version "1.0.0": digest mismatch: the index says sha256:${entry.digest ?? ''}, the archive from ${srv.url}/demo-1.0.0.tgz has sha256:[0-9a-f]{64}`));
        return true;
      });
    } finally {
      c.close();
      await srv.close();
    }
  });

  test('a missing archive and a missing index are reported with the URL and status', async () => {
    const dir = mkdtempSync(join(root, 'missing-'));
    writeFileSync(join(dir, 'index.yaml'), stringify({ apiVersion: 'v1', entries: { demo: [{ apiVersion: 'v2', name: 'demo', version: '1.0.0', urls: ['gone.tgz'] }] } }));
    const srv = await startChartRepoServer({ dir });
    const c = client(srv.url);
    const none = client(`${srv.url}/nothing-here`);
    try {
      await assert.rejects(c.download(await c.resolve('demo', '')), { code: 'ChartDownloadFailed', httpStatus: 404, message: `failed to fetch ${srv.url}/gone.tgz : 404 Not Found` });
      await assert.rejects(none.fetchIndex(['demo']), {
        code: 'IndexFetchFailed',
        message: `looks like "${srv.url}/nothing-here" is not a valid chart repository or cannot be reached: failed to fetch ${srv.url}/nothing-here/index.yaml : 404 Not Found`,
      });
    } finally {
      c.close();
      none.close();
      await srv.close();
    }
  });
});

describe('caching', () => {
  test('a second fetch is a conditional GET; 304 reuses the cached result; a changed index is read again', async () => {
    const dir = mkdtempSync(join(root, 'etag-'));
    for (const f of ['index.yaml', 'demo-1.0.0.tgz']) copyFileSync(join(repoDir, f), join(dir, f));
    const srv = await startChartRepoServer({ dir });
    const c = client(srv.url);
    try {
      const first = await c.fetchIndex(['demo']);
      assert.equal(first.fromCache, false);
      assert.ok(first.etag !== undefined);
      const second = await c.fetchIndex(['demo']);
      assert.equal(second.fromCache, true);
      assert.equal(second.digest, first.digest);
      assert.deepEqual(second.entries, first.entries);
      assert.deepEqual(srv.requests.map((r) => [r.ifNoneMatch, r.status]), [[undefined, 200], [first.etag, 304]]);
      // a chart name not read before needs the body again: unconditional
      await c.fetchIndex(['demo', 'other']);
      assert.deepEqual(srv.requests.at(-1), { ...srv.requests.at(-1), ifNoneMatch: undefined, status: 200 });
      // the index changes: a new version appears
      const idx = parse(readFileSync(join(dir, 'index.yaml'), 'utf8')) as { entries: Record<string, { version: string }[]> };
      idx.entries['demo']?.unshift({ ...idx.entries['demo']?.[0], version: '7.0.0' } as { version: string });
      writeFileSync(join(dir, 'index.yaml'), stringify(idx));
      utimesSync(join(dir, 'index.yaml'), new Date(), new Date(Date.now() + 5000));
      assert.equal((await c.resolve('demo', '')).version, '7.0.0');
      assert.equal(srv.requests.at(-1)?.status, 200);
    } finally {
      c.close();
      await srv.close();
    }
  });

  test('without an ETag the cache validates with If-Modified-Since', async () => {
    const srv = await startChartRepoServer({ dir: repoDir, noEtag: true });
    const c = client(srv.url);
    try {
      const first = await c.fetchIndex(['demo']);
      assert.equal(first.etag, undefined);
      assert.ok(first.lastModified !== undefined);
      assert.equal((await c.fetchIndex(['demo'])).fromCache, true);
      assert.deepEqual(srv.requests.map((r) => [r.ifModifiedSince, r.status]), [[undefined, 200], [first.lastModified, 304]]);
    } finally {
      c.close();
      await srv.close();
    }
  });

  test('a gzip-encoded index is decoded while it streams', async () => {
    const srv = await startChartRepoServer({ dir: repoDir, gzip: true });
    const c = client(srv.url);
    try {
      assert.equal((await c.resolve('demo', '')).version, '1.0.1+build.7');
      assert.equal(srv.requests[0]?.acceptEncoding, 'gzip');
    } finally {
      c.close();
      await srv.close();
    }
  });
});

describe('credentials', () => {
  const user = { username: 'bob', password: 'hunter2' };

  test('basic auth: refused without credentials (Helm\'s words), served with them', async () => {
    const srv = await startChartRepoServer({ dir: repoDir, basicAuth: user });
    const anon = client(srv.url);
    const authed = client(srv.url, user);
    try {
      const r = await helm(['pull', 'demo', '--repo', srv.url, '-d', root], env);
      await assert.rejects(anon.fetchIndex(['demo']), (e: unknown) => {
        assert.ok(e instanceof HelmRepositoryError);
        assert.equal(e.code, 'IndexFetchFailed');
        assert.equal(e.httpStatus, 401);
        assert.equal(e.message, r.stderr.trim().replace(/^Error: /, ''));
        return true;
      });
      const entry = await authed.resolve('demo', '0.1.0');
      assert.equal((await authed.download(entry)).tgz.length > 0, true);
    } finally {
      anon.close();
      authed.close();
      await srv.close();
    }
  });

  test('credentials go only to the repository host unless passCredentialsAll', async () => {
    const archives = await startChartRepoServer({ dir: repoDir });
    const dir = mkdtempSync(join(root, 'abs-'));
    const idx = parse(readFileSync(join(repoDir, 'index.yaml'), 'utf8')) as { entries: Record<string, { urls: string[] }[]> };
    for (const e of idx.entries['demo'] ?? []) e.urls = e.urls.map((u) => `${archives.url}/${basename(u)}`);
    writeFileSync(join(dir, 'index.yaml'), stringify(idx));
    const srv = await startChartRepoServer({ dir, basicAuth: user });
    const strict = client(srv.url, user);
    const all = client(srv.url, { ...user, passCredentialsAll: true });
    try {
      await strict.download(await strict.resolve('demo', '0.1.0'));
      assert.equal(archives.requests.at(-1)?.authorization, undefined);
      await all.download(await all.resolve('demo', '0.1.0'));
      assert.equal(archives.requests.at(-1)?.authorization, `Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
    } finally {
      strict.close();
      all.close();
      await srv.close();
      await archives.close();
    }
  });

  test('a redirect to another host drops the Authorization header', async () => {
    const elsewhere = await startChartRepoServer({ dir: repoDir });
    const other = elsewhere.url.replace('127.0.0.1', 'localhost');
    const srv = await startChartRepoServer({ dir: repoDir, basicAuth: user, redirects: { '/demo-0.1.0.tgz': `${other}/demo-0.1.0.tgz` } });
    const c = client(srv.url, user);
    try {
      const dl = await c.download(await c.resolve('demo', '0.1.0'));
      assert.equal(dl.url, `${srv.url}/demo-0.1.0.tgz`);
      assert.equal(elsewhere.requests.at(-1)?.path, '/demo-0.1.0.tgz');
      assert.equal(elsewhere.requests.at(-1)?.authorization, undefined);
    } finally {
      c.close();
      await srv.close();
      await elsewhere.close();
    }
  });
});

describe('limits and odd indexes', () => {
  test('an index over the size limit fails without being read whole', async () => {
    const c = client(server.url, { maxIndexSize: 1000 });
    try {
      await assert.rejects(c.fetchIndex(['demo']), { code: 'IndexTooLarge' });
    } finally {
      c.close();
    }
  });

  test('a JSON index (Helm reads those too) goes through the whole-document path', async () => {
    const dir = mkdtempSync(join(root, 'json-'));
    const idx = parse(readFileSync(join(repoDir, 'index.yaml'), 'utf8')) as unknown;
    writeFileSync(join(dir, 'index.yaml'), JSON.stringify(idx));
    copyFileSync(join(repoDir, 'demo-1.0.0.tgz'), join(dir, 'demo-1.0.0.tgz'));
    const srv = await startChartRepoServer({ dir });
    const c = client(srv.url);
    try {
      const e = await c.resolve('demo', '~1.0.0');
      assert.equal(e.version, '1.0.1+build.7');
      assert.equal((await c.download(await c.resolve('demo', '1.0.0'))).url, `${srv.url}/demo-1.0.0.tgz`);
    } finally {
      c.close();
      await srv.close();
    }
  });

  test('an index without apiVersion is refused as Helm refuses it', async () => {
    const dir = mkdtempSync(join(root, 'noapi-'));
    writeFileSync(join(dir, 'index.yaml'), 'entries:\n  demo:\n  - name: demo\n    version: 1.0.0\n');
    const srv = await startChartRepoServer({ dir });
    const c = client(srv.url);
    try {
      await assert.rejects(c.fetchIndex(['demo']), { code: 'IndexInvalid', message: `error loading ${srv.url}/index.yaml: no API version specified` });
    } finally {
      c.close();
      await srv.close();
    }
  });
});

function readdir(dir: string): string {
  const list = readdirSync(dir);
  assert.equal(list.length, 1, `one archive in ${dir}: ${list.join(', ')}`);
  return list[0] ?? '';
}
