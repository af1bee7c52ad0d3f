import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { pino } from 'pino';
import { WebhookReceiver, receiverPath, signBody, type ReceiverConfig, type ReconcileTarget } from '../../src/source/webhooks/index.ts';

const GH_SECRET = 'github-webhook-secret-0123456789';
const GL_TOKEN = 'gitlab-webhook-token-0123456789';
const GEN_TOKEN = 'generic-hmac-token-0123456789ab';

interface Reply { status: number; body: string }

function post(port: number, path: string, headers: Record<string, string>, body: string | Buffer, method = 'POST'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('WebhookReceiver on loopback', () => {
  const receivers: ReceiverConfig[] = [
    { name: 'github', namespace: 'capstan-system', type: 'github', token: GH_SECRET },
    { name: 'gitlab', namespace: 'capstan-system', type: 'gitlab', token: GL_TOKEN, namespaces: ['apps'] },
    { name: 'generic', namespace: 'capstan-system', type: 'generic-hmac', token: new TextEncoder().encode(GEN_TOKEN) },
  ];
  const [gh, gl, gen] = receivers.map(receiverPath) as [string, string, string];
  const requested: ReconcileTarget[] = [];
  let receiver: WebhookReceiver;
  let port: number;

  before(async () => {
    receiver = new WebhookReceiver({
      receivers: () => receivers,
      listGitRepositories: async () => [
        { namespace: 'capstan-system', name: 'infra', url: 'ssh://git@github.com/acme/infra.git', ref: { branch: 'main' } },
        { namespace: 'apps', name: 'apps', url: 'https://gitlab.example.com/acme/apps.git', ref: { semver: '>=1.0.0' } },
        { namespace: 'other', name: 'apps', url: 'https://gitlab.example.com/acme/apps.git', ref: { semver: '>=1.0.0' } },
        { namespace: 'capstan-system', name: 'charts', url: 'http://127.0.0.1:9418/charts.git' },
      ],
      requestReconcile: (t) => { requested.push(t); },
      log: pino({ level: 'silent' }),
      maxBodyBytes: 64 * 1024,
    });
    port = (await receiver.listen(0)).port;
  });

  after(() => receiver.close());

  const take = (): string[] => requested.splice(0).map((t) => `${t.kind}:${t.namespace}/${t.name}`);

  test('a signed GitHub push reconciles the matching GitRepository; ping is answered', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', repository: { clone_url: 'https://github.com/acme/infra.git', ssh_url: 'git@github.com:acme/infra.git' } });
    const ok = await post(port, gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(body, GH_SECRET) }, body);
    assert.deepEqual([ok.status, JSON.parse(ok.body)], [200, { reconciles: 1 }]);
    assert.deepEqual(take(), ['GitRepository:capstan-system/infra']);
    const other = JSON.stringify({ ref: 'refs/heads/dev', repository: { clone_url: 'https://github.com/acme/infra.git' } });
    assert.equal((await post(port, gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(other, GH_SECRET) }, other)).status, 200);
    assert.deepEqual(take(), [], 'another branch reconciles nothing');
    const ping = await post(port, gh, { 'x-github-event': 'ping', 'x-hub-signature-256': signBody('{}', GH_SECRET) }, '{}');
    assert.deepEqual([ping.status, JSON.parse(ping.body)], [200, { message: 'pong' }]);
  });

  test('unsigned requests get 401, wrongly signed ones 403, and nothing is reconciled', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', repository: { clone_url: 'https://github.com/acme/infra.git' } });
    assert.equal((await post(port, gh, { 'x-github-event': 'push' }, body)).status, 401);
    assert.equal((await post(port, gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(body, 'guess') }, body)).status, 403);
    assert.equal((await post(port, gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(`${body}\n`, GH_SECRET) }, body)).status, 403);
    assert.equal((await post(port, gl, { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'wrong' }, body)).status, 403);
    assert.equal((await post(port, gen, {}, body)).status, 401);
    assert.deepEqual(take(), []);
  });

  test('GitLab tag pushes reconcile semver followers in the receiver\'s namespaces only', async () => {
    const body = JSON.stringify({ ref: 'refs/tags/v1.2.0', project: { git_http_url: 'https://gitlab.example.com/acme/apps.git' } });
    const r = await post(port, gl, { 'x-gitlab-event': 'Tag Push Hook', 'x-gitlab-token': GL_TOKEN }, body);
    assert.equal(r.status, 200);
    assert.deepEqual(take(), ['GitRepository:apps/apps']);
  });

  test('generic HMAC pushes name the repository in the body', async () => {
    const body = JSON.stringify({ repository: 'git://127.0.0.1:9418/charts.git', ref: 'refs/heads/main' });
    const r = await post(port, gen, { 'x-signature': signBody(body, GEN_TOKEN) }, body);
    assert.equal(r.status, 200);
    assert.deepEqual(take(), ['GitRepository:capstan-system/charts']);
  });

  test('unknown paths are 404, other methods 405, oversized bodies 413', async () => {
    assert.equal((await post(port, '/hook/0000', {}, '{}')).status, 404);
    assert.equal((await post(port, '/', {}, '{}')).status, 404);
    assert.equal((await post(port, gh, {}, '', 'GET')).status, 405);
    const big = Buffer.alloc(100 * 1024, 0x20);
    assert.equal((await post(port, gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(big, GH_SECRET) }, big)).status, 413);
    assert.deepEqual(take(), []);
  });
});
