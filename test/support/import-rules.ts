/**
 * The layer rule of ARCHITECTURE.md: each folder under src/ imports only the folders its row allows (npm
 * packages and node built-ins are always allowed). Fails naming the file, the line and the forbidden import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const everythingBelowReconcilers = ['api', 'template', 'chart', 'render', 'release', 'kube', 'source', 'helm', 'image', 'controller', 'observability', 'config'];

export const allowed: Record<string, readonly string[]> = {
  api: [],
  template: [],
  chart: [],
  render: ['template', 'chart'],
  release: ['chart', 'kube'],
  kube: [],
  source: ['observability'],
  helm: ['render', 'release', 'kube', 'chart'],
  image: ['source', 'kube'],
  controller: ['kube', 'observability'],
  reconcilers: everythingBelowReconcilers,
  observability: [],
  config: [],
  cli: [...everythingBelowReconcilers, 'reconcilers'],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function violations(root: string): string[] {
  const out: string[] = [];
  for (const file of walk(root)) {
    const rel = relative(root, file);
    const layer = rel.split(sep)[0] ?? '';
    if (!rel.includes(sep)) continue; // src/index.ts: the library API may re-export any layer
    const rules = allowed[layer];
    if (rules === undefined) {
      out.push(`${rel}: folder "${layer}" is not a layer of ARCHITECTURE.md`);
      continue;
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? '';
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), spec));
        // the package's own metadata (name, version) is data, not a layer
        if (target === join('..', 'package.json')) continue;
        if (target.startsWith('..')) {
          out.push(`${rel}:${i + 1}: imports ${spec}, outside src/`);
          continue;
        }
        const to = target.split(sep)[0] ?? '';
        if (to !== layer && !rules.includes(to)) out.push(`${rel}:${i + 1}: layer "${layer}" may not import "${to}" (${spec})`);
      }
    });
  }
  return out;
}


/**
 * The workspace packages (packages/*, `@capstan/…`) sit below every layer: a package imports only node
 * built-ins, its own files and the `@capstan/…` packages its package.json lists, never src/ or another
 * package's files by path.
 */
export function packageViolations(packagesRoot: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(packagesRoot)) {
    const dir = join(packagesRoot, name);
    if (!statSync(dir).isDirectory()) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const deps = new Set(Object.keys(manifest.dependencies ?? {}));
    for (const file of walk(dir)) {
      const rel = relative(packagesRoot, file);
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
          const spec = m[1] ?? '';
          if (spec.startsWith('node:')) continue;
          if (spec.startsWith('.')) {
            if (relative(dir, resolve(dirname(file), spec)).startsWith('..')) out.push(`${rel}:${i + 1}: imports ${spec}, outside its package`);
          } else if (!deps.has(spec)) {
            out.push(`${rel}:${i + 1}: imports ${spec}, not a dependency in its package.json`);
          }
        }
      });
    }
  }
  return out;
}
