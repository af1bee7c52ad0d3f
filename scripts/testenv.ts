/**
 * npm run testenv -- up|down|status
 * Starts the test control plane in the background (its kubeconfig path is the last line printed), stops it,
 * or tells whether it runs, with each component's memory.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir } from '../test/support/cache-dir.ts';
import { alive, memoryMiB, startControlPlane, stopControlPlane, type ControlPlaneInfo } from '../test/support/control-plane.ts';

const stateFile = process.env['CAPSTAN_TESTENV_STATE'] ?? join(cacheDir(), 'testenv', 'state.json');

function readState(): ControlPlaneInfo | undefined {
  if (!existsSync(stateFile)) return undefined;
  return JSON.parse(readFileSync(stateFile, 'utf8')) as ControlPlaneInfo;
}

async function main(cmd: string | undefined): Promise<number> {
  const state = readState();
  switch (cmd) {
    case 'up': {
      if (state && Object.values(state.pids).some(alive)) {
        console.error('the test control plane is already running');
        console.log(state.kubeconfig);
        return 0;
      }
      const t0 = Date.now();
      const info = await startControlPlane({ detached: true, log: (l) => console.error(l) });
      mkdirSync(dirname(stateFile), { recursive: true });
      writeFileSync(stateFile, JSON.stringify(info, null, 2));
      console.error(`started in ${((Date.now() - t0) / 1000).toFixed(1)} s; server ${info.server}`);
      console.log(info.kubeconfig);
      return 0;
    }
    case 'down': {
      if (!state) { console.error('not running'); return 0; }
      await stopControlPlane(state);
      rmSync(stateFile, { force: true });
      console.error('stopped');
      return 0;
    }
    case 'status': {
      if (!state) { console.log('not running'); return 0; }
      const up = Object.entries(state.pids).map(([n, p]) => `${n}=${alive(p) ? 'running' : 'dead'}`);
      const mem = memoryMiB(state);
      const total = Object.values(mem).reduce((a, b) => a + b, 0);
      console.log(`server ${state.server}\nkubeconfig ${state.kubeconfig}\n${up.join(' ')}`);
      console.log(`memory (RSS MiB): ${Object.entries(mem).map(([n, m]) => `${n}=${m}`).join(' ')} total=${total}`);
      return 0;
    }
    default:
      console.error('usage: npm run testenv -- up|down|status');
      return 2;
  }
}

process.exitCode = await main(process.argv[2]);
