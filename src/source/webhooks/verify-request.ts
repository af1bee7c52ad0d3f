/**
 * One request to one receiver: verify it first (nothing of an unverified body is parsed), then read the
 * event. Answers say what the HTTP status should be: 401 for a missing signature or token, 403 for a wrong
 * one, 400 for a verified body that cannot be read, 202 for a verified event that is not a push.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseGenericPush, parseGitHubPush, parseGitLabPush, type PushEvent } from './push-events.ts';
import { tokenBytes, type ReceiverConfig } from './receivers.ts';
import { verifyHmac, verifyToken, type Verdict } from './signatures.ts';

export type RequestOutcome =
  | { kind: 'push'; event: PushEvent }
  | { kind: 'ping' }
  | { kind: 'ignored'; event: string }
  | { kind: 'rejected'; status: 400 | 401 | 403; reason: string };

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function rejected(v: Exclude<Verdict, 'ok'>, what: string): RequestOutcome {
  return v === 'missing'
    ? { kind: 'rejected', status: 401, reason: `${what} missing` }
    : { kind: 'rejected', status: 403, reason: `${what} does not match` };
}

/** GitHub sends JSON, or `payload=<json>` form-encoded; both are signed as sent. */
function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const text = body.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded') === true) {
    return JSON.parse(new URLSearchParams(text).get('payload') ?? '');
  }
  return JSON.parse(text);
}

export function verifyRequest(r: ReceiverConfig, headers: IncomingHttpHeaders, body: Buffer): RequestOutcome {
  const key = tokenBytes(r.token);
  let verdict: Verdict;
  switch (r.type) {
    case 'generic-hmac':
      verdict = verifyHmac(body, header(headers, 'x-signature'), key);
      if (verdict !== 'ok') return rejected(verdict, 'X-Signature');
      break;
    case 'github':
      verdict = verifyHmac(body, header(headers, 'x-hub-signature-256'), key, ['sha256']);
      if (verdict !== 'ok') return rejected(verdict, 'X-Hub-Signature-256');
      break;
    case 'gitlab':
      verdict = verifyToken(header(headers, 'x-gitlab-token'), key);
      if (verdict !== 'ok') return rejected(verdict, 'X-Gitlab-Token');
      break;
  }
  let payload: unknown;
  try {
    payload = parseBody(body, header(headers, 'content-type'));
  } catch {
    return { kind: 'rejected', status: 400, reason: 'the body is not JSON' };
  }
  switch (r.type) {
    case 'generic-hmac':
      return { kind: 'push', event: parseGenericPush(payload) };
    case 'github': {
      const event = header(headers, 'x-github-event') ?? '';
      if (event === 'ping') return { kind: 'ping' };
      return event === 'push' ? { kind: 'push', event: parseGitHubPush(payload) } : { kind: 'ignored', event };
    }
    case 'gitlab': {
      const event = header(headers, 'x-gitlab-event') ?? '';
      return event === 'Push Hook' || event === 'Tag Push Hook' ? { kind: 'push', event: parseGitLabPush(payload) } : { kind: 'ignored', event };
    }
  }
}
