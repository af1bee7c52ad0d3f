/**
 * OciRepositoryClient against Debian's docker-registry on loopback, charts packaged with `helm package` and pushed
 * with the real `helm push` (v3.17.2); Helm's own `helm pull` is the oracle for version selection and messages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciRegistryError, OciRepositoryClient, type OciRepositoryClientOptions } from '../../src/source/oci/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { helm, helmEnv, helmOk, packageChart } from '../support/helm-package.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

const logger = createRootLogger({ level: 'silent' });
const VERSIONS = ['0.1.0', '1.0.0', '1.2.0+build.3', '2.0.0-rc.1'];
const user = { username: 'alice', password: 's3cret' };

let root: string;
let env: NodeJS.ProcessEnv;
let archives: Map<string, string>;
let open: TestRegistry;
let locked: TestRegistry;
/** manifest digests as `helm push` printed them, by `chart:version` */
const pushed = new Map<string, string>();

async function pushAll(reg: TestRegistry, files: Iterable<string>, record: boolean): Promise<void> {
  for (const f of files) {
    const r = await helm(['push', f, `${reg.url}/charts`, '--plain-http'], env);
    assert.equal(r.code, 0, r.stderr);
    const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(r.stderr)?.[1];
    const version = /\/charts\/([^:\s]+:[^:\s]+)\n/.exec(r.stderr)?.[1]?.replaceAll('_', '+');
    if (record && digest !== undefined && version !== undefined) pushed.set(version, digest);
  }
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'capstan-oci-'));
  env = helmEnv(join(root, 'helm'));
  const files = await packageChart(join(root, 'charts'), 'demo', VERSIONS, env);
  const tamper = await packageChart(join(root, 'charts'), 'tamper', ['1.0.0'], env);
  archives = new Map(VERSIONS.map((v, i) => [v, files[i] ?? '']));
  open = await startRegistry();
  locked = await startRegistry({ auth: 'htpasswd', users: [user] });
  await pushAll(open, [...files, ...tamper], true);
  await helmOk(['registry', 'login', locked.host, '--insecure', '-u', user.username, '--password-stdin'], env, `${user.password}\n`);
  await pushAll(locked, files, false);
});

after(async () => {
  await open?.close();
  await locked?.close();
  rmSync(root, { recursive: true, force: true });
});

function client(reg: TestRegistry, extra: Partial<OciRepositoryClientOptions> = {}): OciRepositoryClient {
  return new OciRepositoryClient({ url: `${reg.url}/charts`, logger, plainHttp: true, ...extra });
}

async function using<T>(c: OciRepositoryClient, fn: (c: OciRepositoryClient) => Promise<T>): Promise<T> {
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

describe('pull without auth', () => {
  test('tags come back as versions, newest first, `_` read as `+`', async () => {
    assert.deepEqual(await using(client(open), (c) => c.tags('demo')), ['2.0.0-rc.1', '1.2.0+build.3', '1.0.0', '0.1.0']);
  });

  test('the tag list is followed across pages (Link: rel="next")', async () => {
    assert.deepEqual(await using(client(open, { tagPageSize: 1 }), (c) => c.tags('demo')), ['2.0.0-rc.1', '1.2.0+build.3', '1.0.0', '0.1.0']);
  });

  test('a pulled chart is the pushed archive, with the digests helm push printed', async () => {
    const p = await using(client(open), (c) => c.pull('demo', '^1'));
    const file = readFileSync(archives.get('1.2.0+build.3') ?? '');
    assert.equal(p.version, '1.2.0+build.3');
    assert.equal(p.tag, '1.2.0_build.3');
    assert.deepEqual(Buffer.from(p.tgz), file);
    assert.equal(p.chartDigest, `sha256:${createHash('sha256').update(file).digest('hex')}`);
    assert.equal(p.digest, pushed.get('demo:1.2.0+build.3'));
    assert.deepEqual(p.config, { name: 'demo', version: '1.2.0+build.3', appVersion: '1.0', apiVersion: 'v2' });
    assert.equal(p.ref, `${open.url}/charts/demo:1.2.0_build.3@${p.digest}`);
  });

  test('version selection matches `helm pull oci://` for every constraint', async () => {
    const out = join(root, 'pulls');
    await using(client(open), async (c) => {
      for (const constraint of ['', '*', '~1.0', '>=1.1.0', '1.0.0', '>=2.0.0-0', '1.2.0+build.3', '<1']) {
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out);
        const args = ['pull', `${open.url}/charts/demo`, '--plain-http', '-d', out, ...(constraint !== '' ? ['--version', constraint] : [])];
        const r = await helm(args, env);
        assert.equal(r.code, 0, `helm ${args.join(' ')}: ${r.stderr}`);
        assert.deepEqual(readdirSync(out), [`demo-${(await c.resolve('demo', constraint)).version}.tgz`], `constraint ${JSON.stringify(constraint)}`);
      }
    });
  });

  test('not-found errors carry the words `helm pull` prints', async () => {
    await using(client(open), async (c) => {
      for (const constraint of ['9.9.9', '>=5']) {
        const r = await helm(['pull', `${open.url}/charts/demo`, '--plain-http', '-d', root, '--version', constraint], env);
        assert.notEqual(r.code, 0);
        await assert.rejects(c.resolve('demo', constraint), (e: unknown) => {
          assert.ok(e instanceof OciRegistryError);
          assert.equal(e.code, 'ChartNotFound');
          assert.equal(e.message, r.stderr.trim().replace(/^Error: /, ''));
          return true;
        });
      }
      await assert.rejects(c.resolve('nope', ''), { code: 'ChartNotFound', message: `Unable to locate any tags in provided repository: ${open.url}/charts/nope` });
    });
  });

  test('a digest pin pulls exactly that manifest, and a tag pointing elsewhere is refused', async () => {
    const d1 = pushed.get('demo:1.0.0') ?? '';
    const d0 = pushed.get('demo:0.1.0') ?? '';
    await using(client(open), async (c) => {
      assert.equal((await c.pull('demo', `1.0.0@${d1}`)).version, '1.0.0');
      const byDigest = await c.pull('demo', `@${d0}`);
      assert.equal(byDigest.version, '0.1.0');
      assert.equal(byDigest.digest, d0);
      await assert.rejects(c.pull('demo', `1.0.0@${d0}`), { code: 'DigestMismatch', message: `chart reference digest mismatch: ${d1} is not ${d0}` });
      await assert.rejects(c.pull('demo', `@sha256:${'0'.repeat(64)}`), { code: 'ChartNotFound' });
    });
  });

  test('a blob altered in the registry\'s storage fails digest verification', async () => {
    const good = await using(client(open), (c) => c.pull('tamper', '1.0.0'));
    const path = open.blobPath(good.chartDigest);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff; // same size, different content
    writeFileSync(path, bytes);
    await assert.rejects(using(client(open), (c) => c.pull('tamper', '1.0.0')), (e: unknown) => {
      assert.ok(e instanceof OciRegistryError);
      assert.equal(e.code, 'DigestMismatch');
      assert.match(e.message, new RegExp(`charts/tamper@${good.chartDigest}: digest mismatch: the registry sent ${bytes.length} bytes with digest sha256:[0-9a-f]{64}`));
      return true;
    });
  });
});

describe('pull with basic auth (htpasswd)', () => {
  test('without credentials the registry refuses', async () => {
    await assert.rejects(using(client(locked), (c) => c.tags('demo')), (e: unknown) => {
      assert.ok(e instanceof OciRegistryError);
      assert.equal(e.code, 'Unauthorized');
      assert.match(e.message, /basic credential not found/);
      return true;
    });
  });

  test('wrong credentials are refused with the registry\'s reason', async () => {
    await assert.rejects(using(client(locked, { username: 'alice', password: 'wrong' }), (c) => c.tags('demo')), (e: unknown) => {
      assert.ok(e instanceof OciRegistryError);
      assert.equal(e.code, 'Unauthorized');
      assert.equal(e.httpStatus, 401);
      assert.match(e.message, /response status code 401: unauthorized: authentication required/);
      return true;
    });
  });

  test('with credentials the chart is pulled and verified', async () => {
    const p = await using(client(locked, user), (c) => c.pull('demo', ''));
    assert.equal(p.version, '1.2.0+build.3');
    assert.deepEqual(Buffer.from(p.tgz), readFileSync(archives.get('1.2.0+build.3') ?? ''));
  });
});
