/**
 * `npm run build` (also run by `npm install`, as the `prepare` script): bundles the CLI (src/cli/main.ts and
 * everything it imports, with the small pure-JS dependencies yaml, re2js, zod, ignore and the workspace packages
 * packages/* (@capstan/semver, @capstan/strconv, @capstan/gojson, @capstan/gotime), which resolve through their
 * node_modules links to their sources and are recorded like src/ files) into one
 * CommonJS file, dist/capstan.cjs, with esbuild, and the same without the other commands as dist/template.cjs
 * (what `capstan template` runs). bin/capstan.js runs that file when it is up to date and
 * falls back to the TypeScript sources otherwise: one file instead of ~250 ES modules, and a V8 code cache
 * of the whole bundle (see bin/capstan.js) instead of per-module compilation.
 *
 * dist/capstan.json records each bundle: an id (hash of the bundle), and every input file with its size and
 * mtime (sources) or its package's name@version (node_modules), which is what the launcher checks.
 * The heavy dependencies of the cluster-facing commands (@kubernetes/client-node, pino, prom-client,
 * simple-git, tar) stay external: the bundle requires them from node_modules when those commands run.
 *
 * Then, unless --no-warm, one `capstan template` run of a small chart (scripts/build-cli-warmup.ts) writes the
 * code cache, so that the first real run already starts warm. Without esbuild installed (a production install)
 * or when the build fails, it prints a note and exits 0: the launcher then uses the sources.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { warmupArgs, writeWarmupChart } from './build-cli-warmup.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
export const EXTERNAL = ['@kubernetes/client-node', 'pino', 'prom-client', 'simple-git', 'tar'];

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ metafile: { inputs: Record<string, unknown> }; outputFiles: { text: string; contents: Uint8Array }[] }>;
}

/** A file the bundle was built from: a source with size and mtime, or a package with its version. */
export type BuildInput = { file: string; size: number; mtimeMs: number } | { pkg: string; version: string };

function packageOf(file: string): string | undefined {
  const parts = file.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return undefined;
  const name = parts[i + 1] ?? '';
  return parts.slice(0, i + (name.startsWith('@') ? 3 : 2)).join('/');
}

/**
 * `createRequire(import.meta.url)('pkg')`, a synchronous lazy load in the sources, becomes a plain `require('pkg')`
 * that esbuild bundles (still evaluated only when that line runs).
 */
const lazyRequirePlugin = {
  name: 'capstan-lazy-require',
  setup(build: { onLoad(o: { filter: RegExp }, cb: (a: { path: string }) => { contents: string; loader: string } | undefined): void }): void {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('createRequire(import.meta.url)(')) return undefined;
      return { contents: text.replaceAll('createRequire(import.meta.url)(', 'require('), loader: 'ts' };
    });
  },
};

const STUB = 'capstan-stub';

/**
 * The `template` bundle: the same entry, with every command module but template.ts replaced by an empty
 * module, so that `capstan template` loads and code-caches only what it runs.
 */
const templateOnlyPlugin = {
  name: 'capstan-template-only',
  setup(build: {
    onResolve(o: { filter: RegExp }, cb: (a: { path: string }) => { path: string; namespace: string } | undefined): void;
    onLoad(o: { filter: RegExp; namespace: string }, cb: () => { contents: string; loader: string }): void;
  }): void {
    build.onResolve({ filter: /^\.\/commands\/.*\.ts$/ }, ({ path }) => (path === './commands/template.ts' ? undefined : { path, namespace: STUB }));
    build.onLoad({ filter: /.*/, namespace: STUB }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

interface BundleRecord {
  id: string;
  inputs: BuildInput[];
}

export async function buildCli(opts: { warm?: boolean; log?: (s: string) => void } = {}): Promise<boolean> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  let esbuild: Esbuild;
  try {
    esbuild = createRequire(join(root, 'package.json'))('esbuild') as Esbuild;
  } catch {
    log('build-cli: esbuild is not installed; the capstan CLI will run from its TypeScript sources');
    return false;
  }
  const t0 = performance.now();
  const built: { name: string; contents: Uint8Array; record: BundleRecord }[] = [];
  for (const [name, onlyTemplate] of [['capstan', false], ['template', true]] as const) {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      external: EXTERNAL,
      // import.meta in a CommonJS bundle: the bundle's own location (a lazy createRequire(import.meta.url) of a
      // package then resolves it from node_modules, as from the sources; a relative path would not work)
      define: {
        'import.meta.main': 'false',
        'import.meta.url': '__capstanBundleUrl',
        'import.meta.filename': '__filename',
        'import.meta.dirname': '__dirname',
      },
      plugins: onlyTemplate ? [lazyRequirePlugin, templateOnlyPlugin] : [lazyRequirePlugin],
      banner: { js: "var __capstanBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      metafile: true,
      write: false,
      outfile: join(dist, `${name}.cjs`),
      legalComments: 'none',
      // whitespace and syntax only (names stay, for stack traces): a third less source to read and compile
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'warning',
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error('build-cli: esbuild wrote no output');
    const inputs: BuildInput[] = [];
    const packages = new Set<string>();
    for (const rel of Object.keys(result.metafile.inputs)) {
      if (rel.startsWith(`${STUB}:`)) continue;
      const file = join(root, rel);
      const pkgDir = packageOf(file);
      if (pkgDir !== undefined) {
        packages.add(pkgDir);
        continue;
      }
      const st = statSync(file);
      inputs.push({ file: relative(root, file).split(sep).join('/'), size: st.size, mtimeMs: st.mtimeMs });
    }
    for (const dir of packages) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      inputs.push({ pkg: relative(root, dir).split(sep).join('/'), version: pkg.version });
    }
    const id = createHash('sha256').update(out.contents).digest('hex').slice(0, 16);
    built.push({ name, contents: out.contents, record: { id, inputs } });
  }
  // written into a new directory that then replaces dist/ (the launcher finds either the old build or the new)
  const next = `${dist}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  const records: Record<string, BundleRecord> = {};
  for (const b of built) {
    writeFileSync(join(next, `${b.name}.cjs`), b.contents);
    records[b.name] = b.record;
    log(`build-cli: dist/${b.name}.cjs (${(b.contents.length / 1024).toFixed(0)} KiB, ${b.record.inputs.length} inputs)`);
  }
  writeFileSync(join(next, 'capstan.json'), `${JSON.stringify(records, null, 1)}\n`);
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
  log(`build-cli: built in ${(performance.now() - t0).toFixed(0)} ms`);

  if (opts.warm !== false) {
    // one `capstan template` run fills the V8 code cache (dist/*.v8cache) with the functions a render compiles
    const chart = writeWarmupChart();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'capstan.js'), ...warmupArgs(chart)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CAPSTAN_BUNDLE: 'require', CAPSTAN_BUNDLE_WARMUP: '1', CAPSTAN_TEMPLATE_CACHE: '0' }, // a temporary chart: nothing to keep
    });
    rmSync(dirname(chart), { recursive: true, force: true });
    if (r.status !== 0) log(`build-cli: the warm-up render failed (exit ${r.status}): ${String(r.stderr).trim()}`);
  }
  return true;
}

if (import.meta.main) {
  try {
    await buildCli({ warm: !process.argv.includes('--no-warm') });
  } catch (e) {
    // never fails `npm install`: without a bundle the CLI runs from its sources (test/unit/cli/bundle.test.ts
    // checks that a built bundle behaves as the sources do)
    process.stderr.write(`build-cli: no bundle built: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
