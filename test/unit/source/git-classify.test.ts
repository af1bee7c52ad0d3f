import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Scrubber, classifyGitFailure, scrubberFor } from '../../../src/source/git/index.ts';
import { toGitSourceError } from '../../../src/source/git/failure.ts';
import { GitRunFailure } from '../../../src/source/git/runner.ts';

const cases: [string, string][] = [
  ['HostKeyMismatch', '@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\nHost key verification failed.\nfatal: Could not read from remote repository.'],
  ['HostKeyMismatch', 'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.'],
  ['AuthFailed', 'git@127.0.0.1: Permission denied (publickey).\nfatal: Could not read from remote repository.'],
  ['AuthFailed', "fatal: could not read Username for 'https://example.com': terminal prompts disabled"],
  ['AuthFailed', "fatal: unable to access 'https://example.com/r.git/': The requested URL returned error: 403"],
  ['AuthFailed', "remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.example.com/g/r.git/'"],
  ['RepositoryNotFound', "fatal: unable to access 'https://example.com/r.git/': The requested URL returned error: 404"],
  ['RepositoryNotFound', "fatal: '/srv/x.git' does not appear to be a git repository"],
  ['RepositoryNotFound', 'fatal: remote error: no such repository: /nothing.git'],
  ['RefNotFound', "fatal: couldn't find remote ref refs/heads/nope"],
  ['RefNotFound', 'error: Server does not allow request for unadvertised object abc'],
  ['Unreachable', "fatal: unable to access 'https://nohost/r.git/': Could not resolve host: nohost"],
  ['Unreachable', 'fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused'],
  ['Unreachable', "fatal: unable to access 'https://127.0.0.1:1/r.git/': SSL certificate problem: self-signed certificate in certificate chain"],
  ['Unreachable', 'ssh: connect to host 127.0.0.1 port 1: Connection refused'],
  ['GitFailed', 'fatal: something nobody expected'],
];

for (const [code, output] of cases) {
  test(`${code}: ${output.split('\n')[0]?.slice(0, 60)}`, () => assert.equal(classifyGitFailure(output), code));
}

test('the scrubber hides secret values, their base64 forms and URL userinfo', () => {
  const s = new Scrubber(['p4ssw0rd!', 'abc']);
  assert.equal(s.scrub('pw=p4ssw0rd! b64=cDRzc3cwcmQh short=abc'), 'pw=*** b64=*** short=abc');
  assert.equal(s.scrub('https://bob:other@host/x'), 'https://***@host/x');
});

test('a failure of git becomes a typed error with no credential anywhere in it', () => {
  const creds = { basic: { username: 'bob', password: 'Sup3rSecret-pw' } };
  const header = Buffer.from('bob:Sup3rSecret-pw').toString('base64');
  const output = `fatal: unable to access 'https://bob:Sup3rSecret-pw@example.com/r.git/': The requested URL returned error: 401\ntrace: Authorization: Basic ${header}`;
  const e = toGitSourceError(new GitRunFailure('exit', output), { url: 'https://***@example.com/r.git', scrubber: scrubberFor(creds), timeoutMs: 1000, hadCredentials: true });
  assert.equal(e.code, 'AuthFailed');
  const all = `${e.message}${inspect(e, { depth: 5 })}${JSON.stringify(e)}${(e.cause as Error).message}`;
  assert.ok(!all.includes('Sup3rSecret-pw') && !all.includes(header), all);
});

test('timeouts and cancellations are told apart', () => {
  const scrubber = new Scrubber();
  const ctl = new AbortController();
  assert.equal(toGitSourceError(new GitRunFailure('abort', ''), { url: 'u', scrubber, timeoutMs: 5000, callerSignal: ctl.signal }).code, 'Timeout');
  ctl.abort();
  assert.equal(toGitSourceError(new GitRunFailure('abort', ''), { url: 'u', scrubber, timeoutMs: 5000, callerSignal: ctl.signal }).code, 'Cancelled');
  assert.equal(toGitSourceError(new GitRunFailure('timeout', ''), { url: 'u', scrubber, timeoutMs: 5000 }).code, 'Timeout');
});
