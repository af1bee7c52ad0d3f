/**
 * `capstan template NAME CHART [flags]`: `helm template`, rendered locally by the render layer's
 * template command (src/render/template-command.ts). stdout is exactly helm's; on error the message
 * goes to stderr as `Error: …` and the exit code is 1. Helm's warnings go to stderr.
 *
 * {@link capstanTemplate} is the whole command as a function (no process state touched): the CLI
 * runs it, and so does the corpus harness (scripts/corpus.ts) in-process.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { loadChart } from '../../chart/loader.ts';
import { goYamlParser } from '../../render/go-yaml.ts';
import { runTemplateCommand, templateErrorText } from '../../render/template-command.ts';
import type { TemplateCommandEnv } from '../../render/template-command.ts';
import type { Command } from '../commands.ts';
import { setParseStore } from '../../template/index.ts';
import { setYamlParseStore } from '../../chart/index.ts';
import { setHeadStore } from '../../render/index.ts';
import { TemplateParseStore } from '../template-parse-store.ts';
import { writeOut } from '../write-out.ts';

export interface CapstanTemplateOptions {
  /** the directory relative paths on the command line are resolved against (default: process.cwd()) */
  cwd?: string;
  /** what `-f -` reads (default: stdin) */
  readStdin?: () => string;
  /** keep the chart's parse trees on disk between runs (the CLI; see src/cli/template-parse-store.ts) */
  parseStore?: boolean;
}

export interface CapstanTemplateResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** Go's *PathError text for a failed os.ReadFile. */
function readFileError(name: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'EISDIR') return new Error(`read ${name}: is a directory`);
  return new Error(`open ${name}: ${GO_ERRNO[code] ?? (e as Error).message}`);
}

/**
 * ChartPathOptions.LocateChart for what works offline: an existing path becomes absolute; a missing
 * path (absolute or starting with `.`) is `path "…" not found`; anything else would be a repository
 * reference, worded as helm words it without configured repositories.
 */
export function locateChart(name: string, cwd: string): string {
  const ref = name.trim();
  const abs = resolve(cwd, ref);
  try {
    statSync(abs);
    return abs;
  } catch {
    // not a local path
  }
  if (isAbsolute(ref) || ref.startsWith('.')) throw new Error(`path "${ref}" not found`);
  const slash = ref.indexOf('/');
  if (slash < 0) throw new Error(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  throw new Error(`repo ${ref.slice(0, slash)} not found`);
}

/** The template command's file system access, relative to `cwd`. */
export function diskTemplateEnv(
  cwd: string,
  warn: (message: string) => void,
  readStdin?: () => string,
  onChart?: (path: string) => void,
): TemplateCommandEnv {
  return {
    readFile(path) {
      if (path === '-') return readStdin ? readStdin() : readFileSync(0, 'utf8');
      try {
        return readFileSync(resolve(cwd, path), 'utf8');
      } catch (e) {
        throw readFileError(path, e);
      }
    },
    locateChart: (ref) => locateChart(ref, cwd),
    loadChart: (path) => {
      const abs = resolve(cwd, path);
      onChart?.(abs);
      return loadChart(abs, { parseYaml: goYamlParser });
    },
    parseYaml: goYamlParser,
    warn,
  };
}

/** `capstan template ARGS…` (ARGS without the leading `template`) as a function. */
export function capstanTemplate(argv: readonly string[], opts: CapstanTemplateOptions = {}): CapstanTemplateResult {
  const warnings: string[] = [];
  let store: TemplateParseStore | undefined;
  const onChart = opts.parseStore === true
    ? (path: string) => {
      store = TemplateParseStore.open(path);
      if (store !== undefined) {
        setParseStore(store);
        setYamlParseStore(store);
        setHeadStore(store);
      }
    }
    : undefined;
  const env = diskTemplateEnv(opts.cwd ?? process.cwd(), (m) => warnings.push(m.endsWith('\n') ? m : `${m}\n`), opts.readStdin, onChart);
  try {
    const stdout = runTemplateCommand(argv, env);
    return { stdout, stderr: warnings.join(''), exitCode: 0 };
  } catch (e) {
    return { stdout: '', stderr: `${warnings.join('')}Error: ${templateErrorText(e)}\n`, exitCode: 1 };
  } finally {
    if (store !== undefined) {
      setParseStore(null);
      setYamlParseStore(null);
      setHeadStore(null);
      store.flush();
    }
  }
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'Locally render templates (helm template NAME CHART)',
  async run(args) {
    const r = capstanTemplate(args, { parseStore: true });
    await writeOut(2, r.stderr);
    await writeOut(1, r.stdout);
    return r.exitCode;
  },
};
