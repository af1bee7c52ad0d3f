#!/usr/bin/env node
// Launcher for `npx capstan`. Capstan's TypeScript sources run on Node.js 24 (type stripping); when this file
// is started by an older system Node, it re-executes itself with the Node 24 that the `node` devDependency
// installed into node_modules.
//
// Fast path: `npm install` bundles the CLI into dist/capstan.cjs, and `capstan template` alone into
// dist/template.cjs (scripts/build-cli.ts). When the bundle is up to date with every file it was built from
// (dist/capstan.json: sizes and mtimes of the sources, versions of the bundled packages), it runs as one V8
// script with a code cache of the functions a render compiles (dist/NAME-<build>-<node>.v8cache, written by
// the build's warm-up render and rewritten after the first real one; see loadBundle). Otherwise, or with
// CAPSTAN_BUNDLE=0, the TypeScript sources run. CAPSTAN_BUNDLE=require fails instead of falling back.
//
// Built-ins come from process.getBuiltinModule, not `import … from 'node:fs'`: an ES import of a built-in
// builds its ES facade by reading every export, and node:fs's include getters that load streams and
// fs/promises (about 5 ms of each start).
const builtin = process.getBuiltinModule?.bind(process) ?? (await import('node:module')).createRequire(import.meta.url);
const { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = builtin('node:fs');
const module = builtin('node:module');
const { dirname, join } = builtin('node:path');
const { fileURLToPath } = builtin('node:url');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    process.stderr.write('capstan needs Node.js 24: run `npm install` in the capstan directory first.\n');
    process.exit(1);
  }
  // node:child_process is loaded only here: importing it costs ~2 ms of every start
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

/** The record of dist/NAME.cjs when every file it was built from is unchanged, else why it is not used. */
function freshBundle(name) {
  let build;
  try {
    build = JSON.parse(readFileSync(join(root, 'dist', 'capstan.json'), 'utf8'))[name];
  } catch {
    // not built
  }
  if (build === undefined) return 'dist/capstan.json is missing (run npm install or npm run build)';
  for (const input of build.inputs) {
    if (input.pkg !== undefined) {
      let version;
      try {
        version = JSON.parse(readFileSync(join(root, input.pkg, 'package.json'), 'utf8')).version;
      } catch {
        // missing package
      }
      if (version !== input.version) return `${input.pkg} is not at version ${input.version}`;
      continue;
    }
    const st = statSync(join(root, input.file), { throwIfNoEntry: false });
    if (st === undefined || st.size !== input.size || st.mtimeMs !== input.mtimeMs) return `${input.file} changed`;
  }
  return { name, ...build };
}

/** Runs dist/NAME.cjs in this context with its V8 code cache; returns its `main`. */
function loadBundle(build) {
  const file = join(root, 'dist', `${build.name}.cjs`);
  const source = readFileSync(file, 'utf8');
  const useCache = process.env.NODE_DISABLE_COMPILE_CACHE === undefined;
  const cacheFile = join(root, 'dist', `${build.name}-${build.id}-${process.version}-${process.arch}.v8cache`);
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // first run of this build on this Node
    }
  }
  const script = new (require('node:vm').Script)(module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: require('node:vm').constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {} };
  // the build id keys what the bundle keeps on disk between runs (src/cli/template-parse-store.ts)
  globalThis.__capstanBuild = build.id;
  // built-ins straight from process.getBuiltinModule; a full require (its first createRequire sets up Node's
  // CommonJS loader: ~5 ms) only for a package the bundle leaves external, when a command needs one
  let packageRequire;
  const bundleRequire = (id) => process.getBuiltinModule(id) ?? (packageRequire ??= module.createRequire(file))(id);
  script.runInThisContext().call(mod.exports, mod.exports, bundleRequire, mod, file, dirname(file));
  // The code cache is written after a `template` run that found none it could use, and once more after the
  // first real run following the build's warm-up render (marked by a .warmup file): V8 then writes what both
  // compiled, so the cache fits the charts this installation renders.
  let writeCache = false;
  if (useCache && process.argv[2] === 'template') {
    writeCache = cachedData === undefined || script.cachedDataRejected === true || existsSync(`${cacheFile}.warmup`);
  }
  return { main: mod.exports.main, writeCache: writeCache ? () => saveCache(script, cacheFile) : undefined };
}

function saveCache(script, cacheFile) {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
    if (process.env.CAPSTAN_BUNDLE_WARMUP === '1') writeFileSync(`${cacheFile}.warmup`, '');
    else rmSync(`${cacheFile}.warmup`, { force: true });
  } catch {
    // a read-only install keeps working without the cache
  }
}

/**
 * Ends the process once stdout and stderr are flushed, without waiting for the event loop to drain: V8 would
 * first finish its incremental marking (several ms after a render) of a heap about to be discarded. Only after
 * `template`, which has nothing left to do once its output is written.
 */
async function exitNow() {
  // `template` writes its output with writeOut (src/cli/write-out.ts), which settles once the data is written;
  // anything else went through process.stdout/stderr, whose writes to pipes, files and terminals are synchronous
  // on Linux. Elsewhere wait for them to drain (on Linux, touching process.stdout would create it: ~4 ms).
  if (process.platform !== 'linux') {
    for (const stream of [process.stdout, process.stderr]) {
      if (stream.writableLength > 0) await new Promise((res) => stream.once('drain', res));
    }
  }
  process.exit();
}

const require = module.createRequire(import.meta.url);
const mode = process.env.CAPSTAN_BUNDLE;
const build = mode === '0' ? 'CAPSTAN_BUNDLE=0' : freshBundle(process.argv[2] === 'template' ? 'template' : 'capstan');
if (typeof build === 'object') {
  const { main, writeCache } = loadBundle(build);
  process.exitCode = await main(process.argv.slice(2));
  writeCache?.();
  if (process.argv[2] === 'template') await exitNow();
} else {
  if (mode === 'require') {
    process.stderr.write(`capstan: the bundle is not usable: ${build}\n`);
    process.exit(1);
  }
  // Node's compile cache (in the OS temp directory; NODE_COMPILE_CACHE moves it, NODE_DISABLE_COMPILE_CACHE=1
  // turns it off) keeps the type-stripped sources and V8's code cache between runs. Enabled before the first
  // .ts module loads, a warm run never loads the TypeScript stripper at all: about three times faster startup.
  module.enableCompileCache?.();
  const { main } = await import(join(root, 'src', 'cli', 'main.ts'));
  process.exitCode = await main(process.argv.slice(2));
  if (process.argv[2] === 'template') {
    module.flushCompileCache?.();
    await exitNow();
  }
}
