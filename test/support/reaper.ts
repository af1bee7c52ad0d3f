/**
 * Watches the process that started a test control plane; when it dies, kills every component listed in
 * DIR/pids.json and removes DIR. Usage: node reaper.ts OWNER_PID DIR
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { alive, killAll } from './control-plane.ts';

const owner = Number(process.argv[2]);
const dir = process.argv[3] ?? '';
const timer = setInterval(() => {
  if (alive(owner)) return;
  clearInterval(timer);
  let pids: number[] = [];
  try { pids = Object.values(JSON.parse(readFileSync(join(dir, 'pids.json'), 'utf8')) as Record<string, number>); } catch { /* none started */ }
  void killAll(pids).finally(() => rmSync(dir, { recursive: true, force: true }));
}, 500);
