/**
 * Benchmark of the Git source (part of `npm run bench -- sources`): a generated repository of 3 000 files
 * and 100 commits (built with `git fast-import`), served by `git http-backend` on loopback behind basic
 * auth, fetched by `GitSource`: the first fetch into an empty cache, a no-op fetch, a fetch after one new
 * commit (the shallow cache reused), and a fetch of an old tag. Reports medians of RUNS rounds, each with
 * fresh caches. Run alone: `node scripts/bench-sources-git.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ArtifactStore } from '../src/source/artifacts/index.ts';
import { GitSource } from '../src/source/git/index.ts';
import { git, gitFixtureEnv, startGitHttpServer } from '../test/support/git-server.ts';

const RUNS = 3;
const FILES = 3000;
const COMMITS = 100;
const CHANGED_PER_COMMIT = 30;

function fileBody(i: number, rev: number): string {
  const lines = [`# file ${i}, revision ${rev}`, 'apiVersion: v1', 'kind: ConfigMap', `metadata: {name: cm-${i}}`, 'data:'];
  for (let k = 0; k < 12; k++) lines.push(`  key${k}: "value ${i}-${k}-${rev} ${'x'.repeat(20)}"`);
  return `${lines.join('\n')}\n`;
}

/** A `git fast-import` stream: one commit adding every file, then commits changing a few files each. */
function fastImportStream(): string {
  const out: string[] = [];
  const data = (s: string): void => { out.push(`data ${Buffer.byteLength(s)}\n${s}\n`); };
  for (let c = 0; c < COMMITS; c++) {
    const when = 1_700_000_000 + c * 60;
    out.push('commit refs/heads/main\n', `mark :${c + 1}\n`, `committer Bench <bench@capstan.invalid> ${when} +0000\n`);
    data(`commit ${c}`);
    if (c > 0) out.push(`from :${c}\n`);
    const files = c === 0 ? Array.from({ length: FILES }, (_, i) => i) : Array.from({ length: CHANGED_PER_COMMIT }, (_, k) => (c * 97 + k * 31) % FILES);
    for (const i of files) {
      out.push(`M 100644 inline apps/team-${i % 30}/cm-${i}.yaml\n`);
      data(fileBody(i, c));
    }
    if (c === COMMITS / 2) out.push(`reset refs/tags/v1.0.0\nfrom :${c + 1}\n\n`);
  }
  return out.join('');
}

async function makeRepository(root: string): Promise<string> {
  const bare = join(root, 'bench.git');
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await new Promise<void>((resolve, reject) => {
    const child = execFile('git', ['--git-dir', bare, 'fast-import', '--quiet'], { env: gitFixtureEnv(), maxBuffer: 64 * 1024 * 1024 }, (e) => (e ? reject(e) : resolve()));
    child.stdin?.end(fastImportStream());
  });
  await git(root, ['--git-dir', bare, 'gc', '--quiet', '--aggressive']);
  return bare;
}

/** Adds one commit to main changing CHANGED_PER_COMMIT files. */
async function pushCommit(root: string, bare: string, n: number): Promise<void> {
  const head = (await git(root, ['--git-dir', bare, 'rev-parse', 'refs/heads/main'])).trim();
  const parts: string[] = ['commit refs/heads/main\n', `committer Bench <bench@capstan.invalid> ${1_800_000_000 + n} +0000\n`];
  const msg = `extra ${n}`;
  parts.push(`data ${msg.length}\n${msg}\n`, `from ${head}\n`);
  for (let k = 0; k < CHANGED_PER_COMMIT; k++) {
    const i = (n * 13 + k * 7) % FILES;
    const body = fileBody(i, 1000 + n);
    parts.push(`M 100644 inline apps/team-${i % 30}/cm-${i}.yaml\n`, `data ${Buffer.byteLength(body)}\n${body}\n`);
  }
  await new Promise<void>((resolve, reject) => {
    const child = execFile('git', ['--git-dir', bare, 'fast-import', '--quiet'], { env: gitFixtureEnv() }, (e) => (e ? reject(e) : resolve()));
    child.stdin?.end(parts.join(''));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/** Times (ms) of GitSource fetches of a 3 000-file, 100-commit repository over smart HTTP with basic auth. */
export async function benchGit(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'capstan-bench-git-'));
  const auth = { username: 'bench', password: 'bench-password-123' };
  try {
    const bare = await makeRepository(root);
    const server = await startGitHttpServer({ root, auth: { basic: auth } });
    const log = pino({ level: 'silent' });
    const rows: Record<string, number>[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const store = await ArtifactStore.open({ root: join(root, `artifacts-${run}`), log });
        const source = new GitSource({ cacheDir: join(root, `cache-${run}`), store, log });
        const req = { cacheKey: 'bench/infra', url: server.url('bench.git'), ref: { branch: 'main' }, secret: auth };
        const [first, firstMs] = await timed(() => source.fetch(req));
        const [, noopMs] = await timed(() => source.fetch(req));
        await pushCommit(root, bare, run);
        const [next, nextMs] = await timed(() => source.fetch(req));
        if (!next.reusedCache || next.upToDate) throw new Error('the incremental fetch did not reuse the cache');
        const [, tagMs] = await timed(() => source.fetch({ ...req, cacheKey: 'bench/tag', ref: { tag: 'v1.0.0' } }));
        rows.push({ firstMs, noopMs, nextMs, tagMs, files: first.files, bytes: first.bytes, size: first.size });
      }
    } finally {
      await server.stop();
    }
    const m = (k: string): number => median(rows.map((r) => r[k] ?? NaN));
    return {
      git_repo_files: m('files'),
      git_repo_commits: COMMITS,
      git_tree_mb: round(m('bytes') / 1e6, 2),
      git_artifact_mb: round(m('size') / 1e6, 2),
      git_first_fetch_ms: round(m('firstMs')),
      git_noop_fetch_ms: round(m('noopMs')),
      git_incremental_fetch_ms: round(m('nextMs')),
      git_tag_fetch_ms: round(m('tagMs')),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(JSON.stringify(await benchGit(), null, 2));
