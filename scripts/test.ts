/**
 * npm test: type-check, start one shared test control plane (unless CAPSTAN_TEST_KUBECONFIG names a cluster),
 * run every test file with node:test (files in parallel), stop the control plane. Exits non-zero on any failure.
 * Arguments are passed to `node --test` (e.g. a file list or --test-name-pattern).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startControlPlane, stopControlPlane, memoryMiB, type ControlPlaneInfo } from '../test/support/control-plane.ts';

const root = join(import.meta.dirname, '..');
const nodeBin = process.execPath;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    child.on('close', (code, sig) => resolve(code ?? (sig ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  if (await run(tsc, ['-p', 'tsconfig.json']) !== 0) {
    console.error('tsc failed');
    return 1;
  }
  console.error(`tsc clean in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let cp: ControlPlaneInfo | undefined;
  const env = { ...process.env };
  if (!env['CAPSTAN_TEST_KUBECONFIG']) {
    const t1 = Date.now();
    cp = await startControlPlane({ log: (l) => console.error(`[control-plane] ${l}`) });
    env['CAPSTAN_TEST_KUBECONFIG'] = cp.kubeconfig;
    console.error(`[control-plane] up in ${((Date.now() - t1) / 1000).toFixed(1)} s at ${cp.server}`);
  }
  const stop = async (): Promise<void> => {
    if (!cp) return;
    const mem = memoryMiB(cp);
    console.error(`[control-plane] memory at end (RSS MiB): ${JSON.stringify(mem)}`);
    await stopControlPlane(cp);
    cp = undefined;
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
  try {
    const extra = process.argv.slice(2);
    const files = extra.some((a) => !a.startsWith('-')) ? [] : ['test/**/*.test.ts'];
    const code = await run(nodeBin, ['--test', '--test-concurrency=4', '--test-timeout=600000', ...extra, ...files], env);
    console.error(`npm test finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
