/**
 * OciRepositoryClient against Debian's docker-registry with token authentication (WWW-Authenticate: Bearer
 * realm/service/scope → token service): anonymous pulls where the token service allows them, credentials sent to
 * the token service, tokens reused, refusals reported. Charts pushed with the real `helm push`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciRegistryError, OciRepositoryClient, type OciRepositoryClientOptions } from '../../src/source/oci/index.ts';
import { createRootLogger } from '../../src/observability/logger.ts';
import { helmEnv, helmOk, packageChart } from '../support/helm-package.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

const logger = createRootLogger({ level: 'silent' });
const user = { username: 'alice', password: 's3cret' };

let root: string;
let archive: string;
let publicPull: TestRegistry;
let privatePull: TestRegistry;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'capstan-ocitoken-'));
  const env = helmEnv(join(root, 'helm'));
  [archive = ''] = await packageChart(join(root, 'charts'), 'demo', ['1.4.0'], env);
  publicPull = await startRegistry({ auth: 'token', users: [user], anonymousPull: true });
  privatePull = await startRegistry({ auth: 'token', users: [user] });
  for (const reg of [publicPull, privatePull]) {
    await helmOk(['registry', 'login', reg.host, '--insecure', '-u', user.username, '--password-stdin'], env, `${user.password}\n`);
    await helmOk(['push', archive, `${reg.url}/charts`, '--plain-http'], env);
  }
});

after(async () => {
  await publicPull?.close();
  await privatePull?.close();
  rmSync(root, { recursive: true, force: true });
});

async function pull(reg: TestRegistry, extra: Partial<OciRepositoryClientOptions> = {}): Promise<Uint8Array> {
  const c = new OciRepositoryClient({ url: `${reg.url}/charts`, logger, plainHttp: true, ...extra });
  try {
    const v = await c.resolve('demo', '~1.4');
    return (await c.pull('demo', `${v.version}@${v.digest}`)).tgz;
  } finally {
    c.close();
  }
}

test('an anonymous pull gets a pull-scoped token once and reuses it', async () => {
  const before = publicPull.tokenRequests.length;
  assert.deepEqual(Buffer.from(await pull(publicPull)), readFileSync(archive));
  const mine = publicPull.tokenRequests.slice(before);
  assert.deepEqual(mine, [{ scope: ['repository:charts/demo:pull'], service: 'capstan-test-registry', user: undefined, status: 200 }]);
});

test('with credentials the token service sees the user', async () => {
  const before = privatePull.tokenRequests.length;
  assert.deepEqual(Buffer.from(await pull(privatePull, user)), readFileSync(archive));
  assert.deepEqual(privatePull.tokenRequests.slice(before).map((r) => [r.user, r.status]), [['alice', 200]]);
});

test('a token service that refuses anonymous callers is reported as Unauthorized', async () => {
  await assert.rejects(pull(privatePull), (e: unknown) => {
    assert.ok(e instanceof OciRegistryError);
    assert.equal(e.code, 'Unauthorized');
    assert.match(e.message, /^failed to authorize: failed to fetch an anonymous token from http:\/\/127\.0\.0\.1:\d+\/token\?service=capstan-test-registry&scope=repository%3Acharts%2Fdemo%3Apull: unexpected status 401$/);
    return true;
  });
  await assert.rejects(pull(privatePull, { username: 'alice', password: 'wrong' }), { code: 'Unauthorized', httpStatus: 401 });
});
