/**
 * The bundled CLI (dist/, built by `npm install` through scripts/build-cli.ts) prints what the TypeScript
 * sources print. Runs only where dist/ holds a bundle that is up to date with the sources (after
 * `npm install` or `npm run build`, and before the next source edit); skipped otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'capstan.js');
const chart = join(root, 'test', 'fixtures', 'charts', 'webapp');

function capstan(mode: 'require' | '0', args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CAPSTAN_BUNDLE: mode } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const probe = (name: string): boolean => !capstan('require', [name]).stderr.includes('the bundle is not usable');

test('capstan template from dist/template.cjs prints what the sources print', { skip: !probe('template') && 'no fresh bundle in dist/' }, () => {
  for (const args of [
    ['template', 'rel', chart],
    ['template', 'rel', chart, '--set', 'replicas=3', '--namespace', 'ns', '--show-only', 'templates/deployment.yaml'],
    ['template', 'rel', join(chart, 'missing')],
    ['template', 'rel', chart, '--bogus-flag'],
  ]) {
    const bundled = capstan('require', args);
    const sources = capstan('0', args);
    assert.deepEqual(bundled, sources, args.join(' '));
  }
});

test('other commands from dist/capstan.cjs behave as from the sources', { skip: !probe('version') && 'no fresh bundle in dist/' }, () => {
  for (const args of [['version'], ['--help'], ['frobnicate'], ['get'], ['reconcile']]) {
    assert.deepEqual(capstan('require', args), capstan('0', args), args.join(' '));
  }
});
