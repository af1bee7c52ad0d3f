import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  matchPush, parseGitHubPush, parseGitLabPush, receiverPath, signBody, validateReceiver, verifyHmac, verifyRequest, verifyToken,
  type ReceiverConfig, type WatchedGitRepository,
} from '../../../src/source/webhooks/index.ts';

const KEY = Buffer.from('0123456789abcdef-shared-token');

describe('signatures', () => {
  const body = Buffer.from('{"ref":"refs/heads/main"}');
  test('verifyHmac accepts sha256 and sha512 signatures of the exact body', () => {
    assert.equal(verifyHmac(body, signBody(body, KEY), KEY), 'ok');
    assert.equal(verifyHmac(body, signBody(body, KEY, 'sha512'), KEY), 'ok');
    assert.equal(verifyHmac(Buffer.from(`${body.toString()} `), signBody(body, KEY), KEY), 'invalid');
    assert.equal(verifyHmac(body, signBody(body, 'other key'), KEY), 'invalid');
    assert.equal(verifyHmac(body, undefined, KEY), 'missing');
    assert.equal(verifyHmac(body, '', KEY), 'missing');
    assert.equal(verifyHmac(body, 'sha256=zz', KEY), 'invalid');
    assert.equal(verifyHmac(body, `sha1=${'0'.repeat(40)}`, KEY), 'invalid', 'sha1 is not accepted');
    assert.equal(verifyHmac(body, signBody(body, KEY).slice(0, -2), KEY), 'invalid', 'a truncated signature');
    assert.equal(verifyHmac(body, signBody(body, KEY, 'sha512'), KEY, ['sha256']), 'invalid');
  });

  test('verifyToken compares whole tokens', () => {
    assert.equal(verifyToken(KEY.toString(), KEY), 'ok');
    assert.equal(verifyToken(KEY.toString().slice(0, -1), KEY), 'invalid');
    assert.equal(verifyToken(`${KEY.toString()}x`, KEY), 'invalid');
    assert.equal(verifyToken(undefined, KEY), 'missing');
  });
});

test('receiverPath is Flux\'s /hook/<sha256(token+name+namespace)> and depends on all three', () => {
  const r = { name: 'gh', namespace: 'capstan-system', token: KEY.toString() };
  assert.match(receiverPath(r), /^\/hook\/[0-9a-f]{64}$/);
  assert.notEqual(receiverPath(r), receiverPath({ ...r, name: 'gh2' }));
  assert.notEqual(receiverPath(r), receiverPath({ ...r, token: `${r.token}x` }));
  assert.deepEqual(validateReceiver({ ...r, type: 'github' }), []);
  assert.equal(validateReceiver({ ...r, type: 'github', token: 'short' }).length, 1);
});

describe('verifyRequest', () => {
  const gh: ReceiverConfig = { name: 'gh', namespace: 'ns', type: 'github', token: KEY };
  const gl: ReceiverConfig = { name: 'gl', namespace: 'ns', type: 'gitlab', token: KEY };
  const gen: ReceiverConfig = { name: 'g', namespace: 'ns', type: 'generic-hmac', token: KEY };
  const push = Buffer.from(JSON.stringify({ ref: 'refs/heads/main', repository: { clone_url: 'https://github.com/o/r.git', ssh_url: 'git@github.com:o/r.git' } }));

  test('github: push, ping, other events, bad signatures, form-encoded payloads', () => {
    const sig = signBody(push, KEY);
    assert.deepEqual(verifyRequest(gh, { 'x-github-event': 'push', 'x-hub-signature-256': sig }, push),
      { kind: 'push', event: { urls: ['https://github.com/o/r.git', 'git@github.com:o/r.git'], ref: 'refs/heads/main' } });
    assert.deepEqual(verifyRequest(gh, { 'x-github-event': 'ping', 'x-hub-signature-256': sig }, push), { kind: 'ping' });
    assert.deepEqual(verifyRequest(gh, { 'x-github-event': 'issues', 'x-hub-signature-256': sig }, push), { kind: 'ignored', event: 'issues' });
    assert.deepEqual(verifyRequest(gh, { 'x-github-event': 'push' }, push), { kind: 'rejected', status: 401, reason: 'X-Hub-Signature-256 missing' });
    assert.equal((verifyRequest(gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(push, 'nope') }, push) as { status: number }).status, 403);
    assert.equal((verifyRequest(gh, { 'x-github-event': 'push', 'x-signature': sig }, push) as { status: number }).status, 401, 'the generic header does not count');
    const form = Buffer.from(`payload=${encodeURIComponent(push.toString())}`);
    const out = verifyRequest(gh, { 'x-github-event': 'push', 'x-hub-signature-256': signBody(form, KEY), 'content-type': 'application/x-www-form-urlencoded' }, form);
    assert.equal(out.kind, 'push');
  });

  test('gitlab: the token header, Push Hook and Tag Push Hook', () => {
    const body = Buffer.from(JSON.stringify({ ref: 'refs/tags/v1', project: { git_http_url: 'https://gitlab.com/g/r.git', git_ssh_url: 'git@gitlab.com:g/r.git' } }));
    const ok = verifyRequest(gl, { 'x-gitlab-token': KEY.toString(), 'x-gitlab-event': 'Tag Push Hook' }, body);
    assert.deepEqual(ok, { kind: 'push', event: { urls: ['https://gitlab.com/g/r.git', 'git@gitlab.com:g/r.git'], ref: 'refs/tags/v1' } });
    assert.equal((verifyRequest(gl, { 'x-gitlab-token': 'wrong', 'x-gitlab-event': 'Push Hook' }, body) as { status: number }).status, 403);
    assert.equal((verifyRequest(gl, { 'x-gitlab-event': 'Push Hook' }, body) as { status: number }).status, 401);
    assert.equal(verifyRequest(gl, { 'x-gitlab-token': KEY.toString(), 'x-gitlab-event': 'Issue Hook' }, body).kind, 'ignored');
  });

  test('generic-hmac: X-Signature over the body; unreadable bodies after verification are 400', () => {
    const body = Buffer.from(JSON.stringify({ repository: 'https://git.example.com/r.git', ref: 'refs/heads/dev' }));
    assert.deepEqual(verifyRequest(gen, { 'x-signature': signBody(body, KEY) }, body), { kind: 'push', event: { urls: ['https://git.example.com/r.git'], ref: 'refs/heads/dev' } });
    const junk = Buffer.from('not json');
    assert.equal((verifyRequest(gen, { 'x-signature': signBody(junk, KEY) }, junk) as { status: number }).status, 400);
    assert.equal((verifyRequest(gen, {}, junk) as { status: number }).status, 401, 'verification comes before parsing');
  });

  test('payload parsers collect every URL', () => {
    assert.deepEqual(parseGitHubPush({ repository: { html_url: 'https://github.com/o/r' } }), { urls: ['https://github.com/o/r'] });
    assert.deepEqual(parseGitLabPush({ repository: { url: 'git@gitlab.com:g/r.git', homepage: 'https://gitlab.com/g/r' }, ref: 'refs/heads/x' }),
      { urls: ['git@gitlab.com:g/r.git', 'https://gitlab.com/g/r'], ref: 'refs/heads/x' });
  });
});

describe('matchPush', () => {
  const repos: WatchedGitRepository[] = [
    { namespace: 'a', name: 'main', url: 'ssh://git@github.com/o/r.git', ref: { branch: 'main' } },
    { namespace: 'a', name: 'dev', url: 'https://github.com/o/r', ref: { branch: 'dev' } },
    { namespace: 'b', name: 'default', url: 'https://github.com/O/R.git' },
    { namespace: 'b', name: 'semver', url: 'git@github.com:o/r.git', ref: { semver: '^1' } },
    { namespace: 'b', name: 'tag', url: 'git@github.com:o/r.git', ref: { tag: 'v1.0.0' } },
    { namespace: 'b', name: 'pinned', url: 'git@github.com:o/r.git', ref: { commit: 'a'.repeat(40) } },
    { namespace: 'b', name: 'pr', url: 'git@github.com:o/r.git', ref: { name: 'refs/pull/1/head' } },
    { namespace: 'b', name: 'other', url: 'git@github.com:o/other.git', ref: { branch: 'main' } },
  ];
  const names = (urls: string[], ref?: string, ns?: string[]): string[] =>
    matchPush(ref === undefined ? { urls } : { urls, ref }, repos, ns).map((t) => `${t.namespace}/${t.name}`);

  test('a branch push reconciles that branch and the default-branch followers', () => {
    assert.deepEqual(names(['https://github.com/o/r.git'], 'refs/heads/main'), ['a/main', 'b/default']);
    assert.deepEqual(names(['git@github.com:o/r.git'], 'refs/heads/dev'), ['a/dev', 'b/default']);
  });

  test('a tag push reconciles semver followers and that tag', () => {
    assert.deepEqual(names(['https://github.com/o/r.git'], 'refs/tags/v1.0.0'), ['b/semver', 'b/tag']);
    assert.deepEqual(names(['https://github.com/o/r.git'], 'refs/tags/v2.0.0'), ['b/semver']);
  });

  test('name refs match exactly; pinned commits never; without a ref everything of the repository', () => {
    assert.deepEqual(names(['https://github.com/o/r.git'], 'refs/pull/1/head'), ['b/pr']);
    assert.deepEqual(names(['https://github.com/o/r.git']), ['a/main', 'a/dev', 'b/default', 'b/semver', 'b/tag', 'b/pr']);
  });

  test('namespaces limit the receiver; other repositories never match', () => {
    assert.deepEqual(names(['https://github.com/o/r.git'], 'refs/heads/main', ['a']), ['a/main']);
    assert.deepEqual(names(['https://github.com/x/y.git'], 'refs/heads/main'), []);
    assert.deepEqual(names([], 'refs/heads/main'), []);
  });
});
