/**
 * Which files of a checkout go into the artifact, with Flux's rules (fluxcd/pkg `sourceignore`):
 * - `.sourceignore` files anywhere in the tree (gitignore syntax, scoped to their directory) and then the
 *   object's `spec.ignore` (highest priority), evaluated in that order, the last matching rule deciding;
 * - when neither gives a rule, Flux's default excludes apply (VCS files, images and archives, CI files);
 * - the VCS excludes (`.git/`, `.gitignore`, …) apply always.
 * Pattern matching is the `ignore` package's (git's own rules); only the layering is Flux's.
 */
import ignore, { type Ignore } from 'ignore';
import { posix } from 'node:path';

export const SOURCE_IGNORE_FILE = '.sourceignore';

/** fluxcd/pkg sourceignore.ExcludeVCS */
export const EXCLUDE_VCS = ['.git/', '.gitignore', '.gitmodules', '.gitattributes'];
/** fluxcd/pkg sourceignore.ExcludeExt, ExcludeCI and ExcludeExtra */
export const EXCLUDE_DEFAULT = [
  '*.jpg', '*.jpeg', '*.gif', '*.png', '*.wmv', '*.flv', '*.tar.gz', '*.zip',
  '.github/', '.circleci/', '.travis.yml', '.gitlab-ci.yml', 'appveyor.yml', '.drone.yml', 'cloudbuild.yaml',
  'codeship-services.yml', 'codeship-steps.yml',
  '**/.goreleaser.yml', '**/.sops.yaml', '**/.flux.yaml',
];

interface Layer {
  /** directory the rules are relative to: '' or `a/b/` */
  base: string;
  rules: Ignore;
}

/** Rules from text in gitignore syntax: `#` comments and blank lines dropped. */
function patterns(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export class SourceIgnore {
  readonly #layers: Layer[];

  private constructor(layers: Layer[]) {
    this.#layers = layers;
  }

  /**
   * Builds the rules from the `.sourceignore` files found (path relative to the root → content, listed root
   * first) and `spec.ignore`.
   */
  static from(sourceIgnoreFiles: ReadonlyMap<string, string>, specIgnore?: string): SourceIgnore {
    const user: Layer[] = [];
    const files = [...sourceIgnoreFiles.entries()].sort(([a], [b]) => depthFirst(a, b));
    for (const [file, content] of files) {
      const dir = posix.dirname(file);
      const p = patterns(content);
      if (p.length > 0) user.push({ base: dir === '.' ? '' : `${dir}/`, rules: ignore().add(p) });
    }
    if (specIgnore !== undefined) {
      const p = patterns(specIgnore);
      if (p.length > 0) user.push({ base: '', rules: ignore().add(p) });
    }
    const defaults: Layer[] = [{ base: '', rules: ignore().add(EXCLUDE_VCS) }];
    if (user.length === 0) defaults.push({ base: '', rules: ignore().add(EXCLUDE_DEFAULT) });
    return new SourceIgnore([...defaults, ...user]);
  }

  /** Whether a file (`/`-separated path relative to the root) is left out of the artifact. */
  ignores(path: string): boolean {
    let ignored = false;
    for (const layer of this.#layers) {
      if (!path.startsWith(layer.base)) continue;
      const r = layer.rules.test(path.slice(layer.base.length));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Go's ReadDir walk order of LoadIgnorePatterns: a directory's own file, then its subdirectories by name. */
function depthFirst(a: string, b: string): number {
  const pa = posix.dirname(a).split('/').filter((s) => s !== '.');
  const pb = posix.dirname(b).split('/').filter((s) => s !== '.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
