/**
 * The Kubernetes documents under a GitSync's `spec.path` in an unpacked artifact, in a stable order.
 *
 * A directory is read recursively: every `.yaml`, `.yml` and `.json` file, in name order, except hidden
 * files and directories and Helm charts (directories with a `Chart.yaml`, whose templates are not
 * manifests). A directory with a `kustomization.yaml` (or `.yml`, or `Kustomization`) is read through it
 * instead: only its `resources` (files, or directories read the same way), with its `namespace` set on
 * their namespaced objects. Other kustomize fields fail the build naming the field: Capstan does not run
 * kustomize, and silently skipping a patch would apply something else than what the repository says.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { buildError, type SourceLocation } from './errors.ts';
import { keyLine, parseYamlDocuments } from './yaml-documents.ts';

export interface ManifestDocument {
  value: unknown;
  at: SourceLocation;
  /** the `namespace` of the kustomization.yaml the document was listed by */
  kustomizeNamespace?: string;
}

const manifestExt = /\.(ya?ml|json)$/i;
const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const supportedKustomizeFields = new Set(['apiVersion', 'kind', 'resources', 'namespace']);

/** Resolves `spec.path` inside `root`; fails when it leaves the repository or does not exist. */
export async function resolveSyncPath(root: string, path: string): Promise<string> {
  const rel = posix.normalize(`./${path.replaceAll('\\', '/')}`).replace(/^\/+/, '');
  if (rel === '..' || rel.startsWith('../')) throw buildError(`spec.path ${JSON.stringify(path)} points outside the repository`);
  const full = join(root, rel);
  try {
    await stat(full);
  } catch {
    throw buildError(`spec.path ${JSON.stringify(path)} does not exist in the artifact`);
  }
  return full;
}

/** Every document under `path` (a directory or one file) of the artifact unpacked at `root`. */
export async function loadManifests(root: string, path: string): Promise<ManifestDocument[]> {
  const start = await resolveSyncPath(root, path);
  const out: ManifestDocument[] = [];
  const st = await stat(start);
  if (st.isDirectory()) await readDirectory(root, start, out, undefined);
  else await readManifestFile(root, start, out, undefined);
  return out;
}

const display = (root: string, full: string): string => relative(root, full).split(sep).join('/');

async function readDirectory(root: string, dir: string, out: ManifestDocument[], namespace: string | undefined): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const kustomization = kustomizationFiles.find((f) => entries.some((e) => e.isFile() && e.name === f));
  if (kustomization !== undefined) {
    await readKustomization(root, join(dir, kustomization), out);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (await isChart(full)) continue;
      await readDirectory(root, full, out, namespace);
    } else if (e.isFile() && manifestExt.test(e.name)) {
      await readManifestFile(root, full, out, namespace);
    }
  }
}

async function isChart(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, 'Chart.yaml'))).isFile();
  } catch {
    return false;
  }
}

async function readManifestFile(root: string, file: string, out: ManifestDocument[], namespace: string | undefined): Promise<void> {
  const name = display(root, file);
  for (const doc of parseYamlDocuments(await readFile(file, 'utf8'), name)) {
    out.push({ ...doc, ...(namespace !== undefined ? { kustomizeNamespace: namespace } : {}) });
  }
}

async function readKustomization(root: string, file: string, out: ManifestDocument[]): Promise<void> {
  const name = display(root, file);
  const text = await readFile(file, 'utf8');
  const [doc] = parseYamlDocuments(text, name);
  const k = (doc?.value ?? {}) as Record<string, unknown>;
  if (typeof k !== 'object' || Array.isArray(k)) throw buildError('a kustomization must be a mapping', { file: name, line: 1 });
  for (const key of Object.keys(k)) {
    if (!supportedKustomizeFields.has(key)) {
      throw buildError(`kustomization field "${key}" is not supported (Capstan reads only resources and namespace; it does not run kustomize)`, { file: name, line: keyLine(text, key) });
    }
  }
  const namespace = typeof k['namespace'] === 'string' && k['namespace'] !== '' ? k['namespace'] : undefined;
  const resources = Array.isArray(k['resources']) ? k['resources'] : [];
  const dir = join(file, '..');
  for (const r of resources) {
    const at = { file: name, line: keyLine(text, 'resources') };
    if (typeof r !== 'string' || /^[a-z]+:\/\//i.test(r) || r.startsWith('github.com/')) {
      throw buildError(`resource ${JSON.stringify(r)} is not a file or directory of the repository (remote resources are not supported)`, at);
    }
    const full = join(dir, r);
    if (display(root, full).startsWith('..')) throw buildError(`resource ${JSON.stringify(r)} points outside the repository`, at);
    let isDir: boolean;
    try {
      isDir = (await stat(full)).isDirectory();
    } catch {
      throw buildError(`resource ${JSON.stringify(r)} does not exist`, at);
    }
    const before = out.length;
    if (isDir) await readDirectory(root, full, out, namespace);
    else await readManifestFile(root, full, out, namespace);
    if (namespace !== undefined) for (const d of out.slice(before)) d.kustomizeNamespace = namespace;
  }
}
