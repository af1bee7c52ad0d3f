import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { alive } from '../support/control-plane.ts';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

test('a test process killed with SIGKILL leaves no control-plane process, port or directory behind', async () => {
  const script = `
    import { startControlPlane } from ${JSON.stringify(join(root, 'test/support/control-plane.ts'))};
    const info = await startControlPlane({ nodes: 1 });
    console.log(JSON.stringify(info));
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<{ dir: string; server: string; pids: Record<string, number> }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`control plane child exited early (${code})`)));
  });
  const apiPort = Number(new URL(info.server).port);
  assert.equal(Object.keys(info.pids).length, 5);
  assert.ok(Object.values(info.pids).every(alive));
  assert.ok(await portOpen(apiPort));

  child.kill('SIGKILL');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && (Object.values(info.pids).some(alive) || existsSync(info.dir))) {
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(Object.entries(info.pids).filter(([, p]) => alive(p)).map(([n]) => n), [], 'no component survives');
  assert.equal(existsSync(info.dir), false, 'run directory removed');
  assert.equal(await portOpen(apiPort), false, 'apiserver port released');
});

test('npm run testenv -- up | status | down', async () => {
  const env = { ...process.env, CAPSTAN_TESTENV_STATE: join(mkdtempSync(join(tmpdir(), 'capstan-testenv-')), 'state.json') };
  const testenv = join(root, 'scripts', 'testenv.ts');
  const up = await run(process.execPath, [testenv, 'up'], { env });
  const kubeconfig = up.stdout.trim().split('\n').pop() ?? '';
  assert.match(kubeconfig, /kubeconfig$/);
  assert.match(readFileSync(kubeconfig, 'utf8'), /server: "https:\/\/127\.0\.0\.1:\d+"/);
  try {
    const status = await run(process.execPath, [testenv, 'status'], { env });
    assert.match(status.stdout, /etcd=running kube-apiserver=running kube-controller-manager=running kube-scheduler=running kwok=running/);
    assert.match(status.stdout, /memory \(RSS MiB\): .*total=\d+/);
  } finally {
    await run(process.execPath, [testenv, 'down'], { env });
  }
  const after = await run(process.execPath, [testenv, 'status'], { env });
  assert.equal(after.stdout.trim(), 'not running');
  assert.equal(existsSync(kubeconfig), false);
});
