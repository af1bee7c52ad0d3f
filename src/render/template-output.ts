/**
 * What `helm template` prints (cmd/helm/template.go + action.renderResources): the release manifest
 * (CRDs first when asked, then the sorted manifests, each as `---\n# Source: PATH\nCONTENT\n`), then the
 * hooks unless `--no-hooks`, optionally filtered by `--show-only`.
 */
import type { Hook, Manifest } from './manifest-sorter.ts';
import { splitManifests } from './manifest-split.ts';
import { filepathMatch } from './path-match.ts';
import { goTrimSpace } from './go-strings.ts';

/** A file from a chart's `crds/` directory (chart.CRDObjects). */
export interface CrdFile {
  /** path shown in `# Source:`, e.g. `conf/crds/thing.yaml` */
  readonly filename: string;
  readonly content: string;
}

/** The outcome of rendering a chart (what renderResources returns). */
export interface RenderResult {
  /** ordinary manifests, sorted in install order */
  readonly manifests: readonly Manifest[];
  /** hooks, sorted by kind in install order */
  readonly hooks: readonly Hook[];
  /** the rendered NOTES.txt of the top chart (and of subcharts when asked) */
  readonly notes: string;
  /** the chart's and its subcharts' CRD files */
  readonly crds: readonly CrdFile[];
}

export interface ReleaseManifestOptions {
  /** prepend the CRD files (`--include-crds`) */
  includeCrds?: boolean;
  /** replace `v1` Secrets by a placeholder (`--hide-secret`) */
  hideSecret?: boolean;
}

/** The release manifest as renderResources builds it (Helm stores this as `release.manifest`). */
export function releaseManifest(result: RenderResult, opts: ReleaseManifestOptions = {}): string {
  let b = '';
  if (opts.includeCrds) {
    for (const crd of result.crds) b += `---\n# Source: ${crd.filename}\n${crd.content}\n`;
  }
  for (const m of result.manifests) {
    if (opts.hideSecret && m.head.kind === 'Secret' && m.head.apiVersion === 'v1') {
      b += `---\n# Source: ${m.name}\n# HIDDEN: The Secret output has been suppressed\n`;
    } else {
      b += `---\n# Source: ${m.name}\n${m.content}\n`;
    }
  }
  return b;
}

export interface TemplateOutputFlags extends ReleaseManifestOptions {
  /** `--no-hooks` */
  noHooks?: boolean;
  /** `--skip-tests`: leave out hooks with the `test` event */
  skipTests?: boolean;
  /** `--show-only` / `-s` patterns, matched (filepath.Match) against the path after the chart name */
  showOnly?: readonly string[];
}

/** Thrown for `--show-only` patterns that match nothing (`could not find template X in chart`). */
export class ShowOnlyError extends Error {}

const SOURCE_RE = /# Source: [^/]+\/(.+)/u;

/** Exactly what `helm template` writes to stdout for a successful render. */
export function formatTemplateOutput(result: RenderResult, flags: TemplateOutputFlags = {}): string {
  let out = `${goTrimSpace(releaseManifest(result, flags))}\n`;
  if (!flags.noHooks) {
    for (const h of result.hooks) {
      if (flags.skipTests && h.events.includes('test')) continue;
      out += `---\n# Source: ${h.path}\n${h.manifest}\n`;
    }
  }
  const showOnly = flags.showOnly ?? [];
  if (showOnly.length === 0) return out;

  const docs = splitManifests(out);
  const selected: string[] = [];
  for (const raw of showOnly) {
    const f = raw; // filepath.ToSlash is the identity on Unix
    let missing = true;
    for (const doc of docs) {
      const m = SOURCE_RE.exec(doc);
      if (!m) continue;
      if (!filepathMatch(f, m[1]!)) continue;
      selected.push(doc);
      missing = false;
    }
    if (missing) throw new ShowOnlyError(`could not find template ${f} in chart`);
  }
  return selected.map((d) => `---\n${d}\n`).join('');
}
