/**
 * The Setters strategy over a set of files: every `.yaml`/`.yml` file under `update.path` is read, its marked
 * values set from the policies, and the changed files written back. Files are read and written whole; the
 * repository's other files are never touched.
 */
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Logger } from 'pino';
import { WriteBackError } from './errors.ts';
import { formatWarning, type PolicyValues, type SetterResult, type SourceFile } from './types.ts';
import { updateYamlText } from './yaml-file.ts';

/** Files larger than this are not YAML we edit (Flux has no such limit; a generated blob should not stall us). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Sets the marked values of `files`; pure (no IO). Warnings are also logged when a logger is given. */
export function applySetters(files: readonly SourceFile[], policies: PolicyValues, logger?: Logger): SetterResult {
  const result: SetterResult = { files: [], changes: [], warnings: [] };
  for (const f of files) {
    const u = updateYamlText(f.path, f.text, policies);
    result.changes.push(...u.changes);
    result.warnings.push(...u.warnings);
    if (u.text !== f.text) result.files.push({ path: f.path, text: u.text });
  }
  for (const w of result.warnings) logger?.warn({ file: w.file, line: w.line }, formatWarning(w));
  return result;
}

/** `update.path` resolved inside the repository; throws `InvalidPath` when it leaves it. */
export function resolveUpdatePath(repoDir: string, updatePath: string): string {
  const root = resolve(repoDir);
  const dir = resolve(root, updatePath);
  const rel = relative(root, dir);
  if (isAbsolute(updatePath) || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new WriteBackError('InvalidPath', repoDir, `update.path ${JSON.stringify(updatePath)} is outside the repository`);
  }
  return dir;
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    // symbolic links are not followed: one could lead out of the repository
    if (e.isDirectory() && e.name !== '.git') await walk(root, p, out);
    else if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(relative(root, p).split(sep).join('/'));
  }
}

/**
 * The YAML files under `update.path` (a file or a directory), relative to the repository, sorted; `.git` and
 * symbolic links are skipped, and so are files over 8 MiB (with a warning).
 */
export async function readUpdateFiles(repoDir: string, updatePath: string, logger?: Logger): Promise<SourceFile[]> {
  const root = resolve(repoDir);
  const target = resolveUpdatePath(root, updatePath);
  let st;
  try {
    st = await lstat(target);
  } catch (e) {
    throw new WriteBackError('InvalidPath', repoDir, `update.path ${JSON.stringify(updatePath)} does not exist in the repository`, { cause: e });
  }
  const paths: string[] = [];
  if (st.isDirectory()) await walk(root, target, paths);
  else if (st.isFile()) paths.push(relative(root, target).split(sep).join('/'));
  const files: SourceFile[] = [];
  for (const p of paths) {
    const full = join(root, p);
    if ((await lstat(full)).size > MAX_FILE_BYTES) {
      logger?.warn({ file: p }, `${p}: not updated: larger than ${MAX_FILE_BYTES} bytes`);
      continue;
    }
    files.push({ path: p, text: await readFile(full, 'utf8') });
  }
  return files;
}

/** Writes files (paths relative to the repository). */
export async function writeUpdateFiles(repoDir: string, files: readonly SourceFile[]): Promise<void> {
  for (const f of files) await writeFile(join(resolve(repoDir), f.path), f.text);
}

/** readUpdateFiles + applySetters + writeUpdateFiles. */
export async function applySettersInDir(repoDir: string, updatePath: string, policies: PolicyValues, logger?: Logger): Promise<SetterResult> {
  const result = applySetters(await readUpdateFiles(repoDir, updatePath, logger), policies, logger);
  await writeUpdateFiles(repoDir, result.files);
  return result;
}
