#!/usr/bin/env node
// Launcher for `npx capstan`. Capstan's TypeScript sources run on Node.js 24 (type stripping); when this file
// is started by an older system Node, it re-executes itself with the Node 24 that the `node` devDependency
// installed into node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    process.stderr.write('capstan needs Node.js 24: run `npm install` in the capstan directory first.\n');
    process.exit(1);
  }
  const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
// Node's compile cache (in the OS temp directory; NODE_COMPILE_CACHE moves it, NODE_DISABLE_COMPILE_CACHE=1
// turns it off) keeps the type-stripped sources and V8's code cache between runs. Enabled before the first
// .ts module loads, a warm run never loads the TypeScript stripper at all: about three times faster startup.
module.enableCompileCache?.();
const { main } = await import(join(root, 'src', 'cli', 'main.ts'));
process.exitCode = await main(process.argv.slice(2));
