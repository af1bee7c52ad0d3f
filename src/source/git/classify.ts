/**
 * Which `GitErrorCode` a failed git invocation means, read from git's and ssh's messages (git runs with
 * LC_ALL=C, so the words are stable). Table-driven: the first rule whose pattern occurs wins, so the more
 * specific rules come first.
 */
import type { GitErrorCode } from './errors.ts';

const RULES: readonly [GitErrorCode, RegExp][] = [
  ['HostKeyMismatch', /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No \S+ host key is known for|host key for .* has changed/i],
  ['AuthFailed', /Permission denied \(|Authentication failed|could not read (Username|Password)|terminal prompts disabled|returned error: 40[13]\b|HTTP Basic: Access denied|invalid credentials|Too many authentication failures|incorrect passphrase|error in libcrypto|invalid format/i],
  ['RepositoryNotFound', /returned error: 404\b|repository '.*' not found|does not appear to be a git repository|not a git repository|access denied or repository not exported|Repository not found|no such repository/i],
  ['RefNotFound', /couldn't find remote ref|not our ref|unadvertised object|no such remote ref|invalid refspec|bad object|unknown revision|did not match any/i],
  ['Unreachable', /Could not resolve host|Connection refused|Connection timed out|Connection reset|Network is unreachable|No route to host|Failed to connect|unable to connect|Could not resolve hostname|SSL certificate problem|server certificate verification failed|SSL_ERROR|gnutls_handshake|Operation timed out|unable to access|early EOF|the remote end hung up|Connection closed by/i],
];

/** The code for git's output; `GitFailed` when nothing matches. */
export function classifyGitFailure(output: string): GitErrorCode {
  for (const [code, re] of RULES) if (re.test(output)) return code;
  return 'GitFailed';
}

/** ssh's advice and banners, and git's hints: they name temporary files or say nothing the code does not */
const NOISE = /^(hint:|Add correct host key|Offending|Please contact|The fingerprint|It is also possible|Someone could be|IT IS POSSIBLE|@@@|Warning: Permanently added)/;

/** The lines of git's output worth showing: the `fatal:`/`error:` ones, else the last few. */
export function summarizeGitOutput(output: string, maxLines = 4): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !NOISE.test(l));
  const important = lines.filter((l) => /^(fatal|error|remote: error|ERROR)\b|Permission denied|Host key|host key|verification failed/i.test(l));
  const chosen = (important.length > 0 ? important : lines).slice(-maxLines);
  return chosen.join('; ').slice(0, 1000);
}
