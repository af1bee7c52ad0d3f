import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isGitSourceError, parseGitUrl, redactUrlText, repositoryIdentity, sameRepository } from '../../../src/source/git/index.ts';

describe('parseGitUrl', () => {
  const ok: [string, string, Partial<ReturnType<typeof parseGitUrl>>][] = [
    ['https with userinfo moves it out of the URL', 'https://alice:s3cr3t@git.example.com/org/repo.git',
      { scheme: 'https', url: 'https://git.example.com/org/repo.git', redacted: 'https://***@git.example.com/org/repo.git', origin: 'https://git.example.com', userinfo: { username: 'alice', password: 's3cr3t' } }],
    ['http keeps the port in the origin', 'http://127.0.0.1:8080/infra.git', { scheme: 'http', port: '8080', origin: 'http://127.0.0.1:8080', path: 'infra.git' }],
    ['ssh with a user and a port', 'ssh://git@example.com:2222/org/repo.git', { scheme: 'ssh', sshUser: 'git', port: '2222', path: 'org/repo.git' }],
    ['scp-like ssh', 'git@github.com:org/repo.git', { scheme: 'ssh', sshUser: 'git', host: 'github.com', path: 'org/repo.git', url: 'git@github.com:org/repo.git' }],
    ['git daemon', 'git://127.0.0.1:9418/infra.git', { scheme: 'git', host: '127.0.0.1' }],
    ['file', 'file:///srv/git/infra.git', { scheme: 'file', path: 'srv/git/infra.git' }],
  ];
  for (const [name, input, want] of ok) {
    test(name, () => {
      const u = parseGitUrl(input);
      for (const [k, v] of Object.entries(want)) assert.deepEqual(u[k as keyof typeof u], v, k);
    });
  }

  const bad: [string, string][] = [
    ['ext:: runs commands', 'ext::sh -c evil'],
    ['an option-like string', '--upload-pack=evil'],
    ['a bare local path', '/srv/git/repo.git'],
    ['an unknown scheme', 'ftp://example.com/repo.git'],
    ['a password in an ssh URL', 'ssh://git:pw@example.com/repo.git'],
    ['white space', 'https://example.com/a b.git'],
    ['no path', 'https://example.com/'],
  ];
  for (const [name, input] of bad) {
    test(`refuses ${name}`, () => {
      assert.throws(() => parseGitUrl(input), (e) => isGitSourceError(e, 'InvalidUrl') && e.terminal);
    });
  }

  test('an invalid URL with a password is redacted in the error', () => {
    assert.throws(() => parseGitUrl('https://u:topsecret@/x'), (e) => isGitSourceError(e) && !e.message.includes('topsecret') && !e.url.includes('topsecret'));
  });
});

test('redactUrlText hides userinfo of every URL in a text', () => {
  assert.equal(redactUrlText("fatal: unable to access 'https://bob:pw@host/r.git/': 401"), "fatal: unable to access 'https://***@host/r.git/': 401");
  assert.equal(redactUrlText('ssh://git:pw@host/r'), 'ssh://git:***@host/r');
  assert.equal(redactUrlText('git@github.com:org/repo.git'), 'git@github.com:org/repo.git');
});

test('repositoryIdentity is equal for the ssh, scp-like, https and git URLs of one repository', () => {
  const urls = ['https://GitHub.com/Org/Repo.git', 'git@github.com:org/repo.git', 'ssh://git@github.com/org/repo', 'git://github.com/org/repo.git/', 'https://github.com:443/org/repo'];
  assert.deepEqual(new Set(urls.map(repositoryIdentity)), new Set(['github.com/org/repo']));
  assert.equal(repositoryIdentity('not a url'), undefined);
});

test('sameRepository compares ports within a scheme only', () => {
  assert.ok(sameRepository('https://github.com/org/repo.git', 'git@github.com:org/repo.git'));
  assert.ok(sameRepository('https://github.com:443/org/repo', 'https://github.com/org/repo.git'), 'the default port counts as given');
  assert.ok(sameRepository('ssh://git@gitlab.example.com:2222/g/r.git', 'https://gitlab.example.com/g/r.git'));
  assert.ok(sameRepository('git://127.0.0.1/charts.git', 'http://127.0.0.1:9418/charts.git'));
  assert.ok(!sameRepository('http://127.0.0.1:1/a.git', 'http://127.0.0.1:2/a.git'));
  assert.ok(!sameRepository('https://github.com/org/repo', 'https://github.com/org/other'));
  assert.ok(!sameRepository('not a url', 'not a url'));
});
