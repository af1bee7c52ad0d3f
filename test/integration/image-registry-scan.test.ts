/**
 * Registry scans against Debian's docker-registry (distribution 2.8) on loopback: images pushed through the
 * registry API itself (test/support/push-image.ts), then listed with no auth, htpasswd (basic) auth and token
 * (Bearer) auth, over TLS with a custom CA, and the failures typed. docker-registry 2.8 ignores `n` on the tag
 * list, so paging (n=1, n=2, Link: rel="next") runs through test/support/registry-front.ts, which pages the real
 * registry's answer as the distribution spec says and passes credentials through to it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import {
  ImageRegistryClient, ImageRegistryError, credentialsFromSecret, parseImageName, scanImage, type ScanOptions,
} from '../../src/image/registry/index.ts';
import { freePort } from '../support/ports.ts';
import { pushImage } from '../support/push-image.ts';
import { startRegistryFront, type RegistryFront } from '../support/registry-front.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';
import { makeTestPki, type TestPki } from '../support/tls-certs.ts';

const logger = pino({ level: 'silent' });
const alice = { username: 'alice', password: 'pa55-w0rd!' };
const tags = ['1.0.0', '1.1.0', '1.2.0-rc.1', '2.0.0', 'latest', 'sha256-0f0f.sig'];
const scannable = tags.filter((t) => !t.endsWith('.sig'));

async function rejects(p: Promise<unknown>, code: string, check?: (e: ImageRegistryError) => void): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ImageRegistryError, `expected ImageRegistryError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.includes(alice.password), 'no password in the message');
    check?.(e);
    return true;
  });
}

const scan = (o: Omit<ScanOptions, 'logger'>) => scanImage({ logger, insecure: true, ...o });

describe('no auth', () => {
  let reg: TestRegistry;
  let digests: Record<string, string>;

  before(async () => {
    reg = await startRegistry();
    digests = await pushImage({ host: reg.host, repository: 'team/myapp', tags });
  });
  after(async () => reg?.close());

  for (const pageSize of [1, 2, 1000]) {
    test(`all tags are listed with n=${pageSize} (docker-registry 2.8 ignores n), the .sig tag excluded by default`, async () => {
      const t0 = Date.now();
      const r = await scan({ image: `${reg.host}/team/myapp`, pageSize });
      assert.deepEqual([...r.tags].sort(), [...scannable].sort());
      assert.equal(r.excluded, 1);
      assert.equal(r.canonicalImageName, `${reg.host}/team/myapp`);
      assert.ok(r.scanTime.getTime() >= t0 && r.scanTime.getTime() <= Date.now());
    });
  }

  test('an empty exclusionList keeps every tag; a custom one drops what it matches (unanchored RE2)', async () => {
    assert.deepEqual([...(await scan({ image: `${reg.host}/team/myapp`, pageSize: 2, exclusionList: [] })).tags].sort(), [...tags].sort());
    const r = await scan({ image: `${reg.host}/team/myapp`, exclusionList: ['^latest$', 'rc'] });
    assert.deepEqual([...r.tags].sort(), ['1.0.0', '1.1.0', '2.0.0', 'sha256-0f0f.sig']);
  });

  test('a manifest digest is the registry\'s Docker-Content-Digest for the tag', async () => {
    const c = new ImageRegistryClient({ image: `${reg.host}/team/myapp`, logger, insecure: true });
    try {
      assert.equal(await c.manifestDigest('1.1.0'), digests['1.1.0']);
      assert.equal(await c.manifestDigest('2.0.0'), digests['2.0.0']);
      assert.notEqual(digests['1.1.0'], digests['2.0.0']);
      await rejects(c.manifestDigest('9.9.9'), 'NotFound', (e) => assert.match(e.message, /looking up tag 9\.9\.9/));
      await rejects(c.manifestDigest('bad tag'), 'InvalidImage');
    } finally {
      c.close();
    }
  });

  test('an unknown repository is NotFound, naming the image and the registry\'s error code', async () => {
    await rejects(scan({ image: `${reg.host}/team/nothing` }), 'NotFound', (e) => {
      assert.equal(e.image, `${reg.host}/team/nothing`);
      assert.equal(e.httpStatus, 404);
      assert.match(e.message, /^127\.0\.0\.1:\d+\/team\/nothing: listing tags: .* answered 404 .*NAME_UNKNOWN/);
    });
  });

  test('n=2 over 6 tags: 3 pages through the Link header of a paging front', async () => {
    const front = await startRegistryFront({ upstream: reg.host, paginate: true });
    try {
      const r = await scan({ image: `${front.host}/team/myapp`, pageSize: 2, exclusionList: [] });
      assert.deepEqual(r.tags, [...tags].sort(), 'pages in order, nothing lost or repeated');
      assert.deepEqual(front.tagListRequests, [
        '/v2/team/myapp/tags/list?n=2',
        '/v2/team/myapp/tags/list?n=2&last=1.1.0',
        '/v2/team/myapp/tags/list?n=2&last=2.0.0',
      ]);
    } finally {
      await front.close();
    }
  });

  test('HTTPS to a plain-HTTP registry fails as Unreachable', async () => {
    await rejects(scanImage({ image: `${reg.host}/team/myapp`, logger }), 'Unreachable');
  });
});

describe('htpasswd (basic) auth', () => {
  let reg: TestRegistry;

  before(async () => {
    reg = await startRegistry({ auth: 'htpasswd', users: [alice] });
    await pushImage({ host: reg.host, repository: 'myapp', tags, credentials: alice });
  });
  after(async () => reg?.close());

  test('username/password', async () => {
    const r = await scan({ image: `${reg.host}/myapp`, pageSize: 2, credentials: alice });
    assert.deepEqual([...r.tags].sort(), [...scannable].sort());
  });

  test('credentials from a dockerconfigjson Secret', async () => {
    const auth = Buffer.from(`${alice.username}:${alice.password}`).toString('base64');
    const data = { '.dockerconfigjson': JSON.stringify({ auths: { [`https://${reg.host}/v1/`]: { auth } } }) };
    const image = `${reg.host}/myapp`;
    const credentials = credentialsFromSecret(data, parseImageName(image).registry, image);
    assert.deepEqual(credentials, alice);
    assert.equal((await scan({ image, pageSize: 2, credentials })).tags.length, scannable.length);
  });

  test('no credentials: Unauthorized', async () => {
    await rejects(scan({ image: `${reg.host}/myapp` }), 'Unauthorized', (e) => assert.match(e.message, /basic credential not found/));
  });

  test('a wrong password: Unauthorized, and the password is not in the error', async () => {
    await rejects(scan({ image: `${reg.host}/myapp`, credentials: { username: 'alice', password: 'wrong' } }), 'Unauthorized',
      (e) => assert.ok(!JSON.stringify({ m: e.message, u: e.url }).includes('wrong')));
  });
});

describe('token (Bearer) auth', () => {
  let reg: TestRegistry;
  let digests: Record<string, string>;

  before(async () => {
    reg = await startRegistry({ auth: 'token', users: [alice] });
    digests = await pushImage({ host: reg.host, repository: 'org/app', tags, credentials: alice });
  });
  after(async () => reg?.close());

  test('the token is asked with the credentials for a pull scope and reused for every page', async () => {
    const before = reg.tokenRequests.length;
    const r = await scan({ image: `${reg.host}/org/app`, pageSize: 2, credentials: alice });
    assert.deepEqual([...r.tags].sort(), [...scannable].sort());
    assert.deepEqual(reg.tokenRequests.slice(before), [{ scope: ['repository:org/app:pull'], service: 'capstan-test-registry', user: 'alice', status: 200 }]);
  });

  test('pages behind a paging front: the registry checks the same token on every page', async () => {
    const front = await startRegistryFront({ upstream: reg.host, paginate: true });
    const before = reg.tokenRequests.length;
    try {
      const r = await scan({ image: `${front.host}/org/app`, pageSize: 2, credentials: alice });
      assert.deepEqual(r.tags, [...scannable].sort());
      assert.equal(front.tagListRequests.length, 4, 'one 401, then three pages');
      assert.equal(reg.tokenRequests.length - before, 1, 'one token for all pages');
    } finally {
      await front.close();
    }
  });

  test('digest lookup with a token', async () => {
    const c = new ImageRegistryClient({ image: `${reg.host}/org/app`, logger, insecure: true, credentials: alice });
    try {
      assert.equal(await c.manifestDigest('latest'), digests['latest']);
    } finally {
      c.close();
    }
  });

  test('a wrong password: the token service refuses, Unauthorized', async () => {
    await rejects(scan({ image: `${reg.host}/org/app`, credentials: { username: 'alice', password: 'nope' } }), 'Unauthorized',
      (e) => assert.match(e.message, /failed to fetch a token .* unexpected status 401/));
  });

  test('anonymous, where the token service wants a user: Unauthorized', async () => {
    await rejects(scan({ image: `${reg.host}/org/app` }), 'Unauthorized');
  });
});

describe('TLS', () => {
  let reg: TestRegistry;
  let pki: TestPki;
  let front: RegistryFront;
  let host: string;

  before(async () => {
    reg = await startRegistry();
    await pushImage({ host: reg.host, repository: 'secure/app', tags: ['v1', 'v2', 'v3'] });
    pki = makeTestPki();
    front = await startRegistryFront({ upstream: reg.host, tls: { key: pki.serverKey, cert: pki.serverCert }, paginate: true });
    host = front.host;
  });
  after(async () => {
    await front?.close();
    await reg?.close();
  });

  test('the CA from certSecretRef makes the certificate trusted (pages over TLS too)', async () => {
    const r = await scanImage({ image: `${host}/secure/app`, logger, tls: { ca: pki.caCert }, pageSize: 1 });
    assert.deepEqual(r.tags, ['v1', 'v2', 'v3']);
  });

  test('without the CA the certificate is refused: Unreachable, naming the TLS reason', async () => {
    await rejects(scanImage({ image: `${host}/secure/app`, logger }), 'Unreachable', (e) => assert.match(e.message, /certificate/));
    await rejects(scanImage({ image: `${host}/secure/app`, logger, tls: { ca: pki.otherCaCert } }), 'Unreachable');
  });

  test('insecureSkipVerify accepts any certificate', async () => {
    const r = await scanImage({ image: `${host}/secure/app`, logger, tls: { insecureSkipVerify: true } });
    assert.equal(r.tags.length, 3);
  });
});

test('nothing listening: Unreachable', async () => {
  const port = await freePort();
  await rejects(scan({ image: `127.0.0.1:${port}/app` }), 'Unreachable', (e) => assert.match(e.message, /ECONNREFUSED/));
});

test('a bad exclusion pattern fails before any request', async () => {
  const port = await freePort();
  await rejects(scan({ image: `127.0.0.1:${port}/app`, exclusionList: ['ok', '(unclosed'] }), 'InvalidExclusion',
    (e) => assert.match(e.message, /exclusionList\[1\] "\(unclosed"/));
});
