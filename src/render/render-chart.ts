/**
 * Rendering a chart as `helm install`/`helm template` do (action.Install.RunWithContext up to and
 * including Configuration.renderResources): dependencies enabled and imported, values coalesced and
 * validated, templates rendered, NOTES.txt set aside, manifests split, parsed and sorted into
 * hooks and resources in install order.
 */
import type { Chart } from '../chart/chart.ts';
import { processDependenciesWithMerge } from '../chart/dependencies.ts';
import { coalesceValues } from '../chart/coalesce.ts';
import { validateAgainstSchema } from '../chart/values-schema.ts';
import type { Values } from '../chart/values.ts';
import { isCompatibleRange, templateCapabilities } from './capabilities.ts';
import type { Capabilities } from './capabilities.ts';
import { renderTemplates } from './engine.ts';
import { markRenderingError, RenderError } from './render-errors.ts';
import type { EngineOptions } from './engine.ts';
import { INSTALL_ORDER } from './kind-sorter.ts';
import { sortManifests, ManifestSortError } from './manifest-sorter.ts';
import { toRenderValues } from './render-values.ts';
import type { ReleaseOptions } from './render-values.ts';
import type { RenderResult } from './template-output.ts';
import { pathJoin } from './go-strings.ts';
import { decodeManifestYaml } from './go-yaml.ts';
import { utf8Decode } from '../template/fmt/utf8.ts';

const NOTES_FILE_SUFFIX = 'NOTES.txt';

export interface RenderChartOptions extends EngineOptions {
  release: ReleaseOptions;
  /** defaults to `helm template`'s capabilities (Kubernetes v1.32.0, the default API versions) */
  capabilities?: Capabilities;
  skipSchemaValidation?: boolean;
  /** append subcharts' NOTES.txt (`--render-subchart-notes`) */
  subNotes?: boolean;
  /** Helm's warnings and log lines */
  warn?: (message: string) => void;
}

/**
 * Renders `chart` with user-supplied `values` (the merged -f/--set values). Mutates the chart as
 * Helm does (disabled subcharts removed, aliases applied, imported values). Throws RenderError with
 * Helm's message on any failure.
 */
export function renderChart(chart: Chart, values: Values, opts: RenderChartOptions): RenderResult {
  const warn = opts.warn ?? (() => {});
  try {
    processDependenciesWithMerge(chart, values, { warn, isCompatibleRange });
  } catch (e) {
    throw asRenderError(e);
  }
  const caps = opts.capabilities ?? templateCapabilities();

  let coalesced: Values;
  try {
    coalesced = coalesceValues(chart, values, warn);
  } catch (e) {
    throw asRenderError(e);
  }
  if (!opts.skipSchemaValidation) {
    let report: string | null;
    try {
      report = validateAgainstSchema(chart, coalesced);
    } catch (e) {
      throw asRenderError(e);
    }
    if (report !== null) {
      throw new RenderError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${report}`);
    }
  }
  const top = toRenderValues(chart, coalesced, opts.release, caps);
  // From here on helm has created the release: errors are marked (see markRenderingError).
  try {
    return renderResources(chart, top, caps, opts, warn);
  } catch (e) {
    markRenderingError(e);
    throw e;
  }
}

/** Install.renderResources: the kubeVersion check, the templates, notes, hooks and sorted manifests. */
function renderResources(
  chart: Chart,
  top: ReturnType<typeof toRenderValues>,
  caps: Capabilities,
  opts: RenderChartOptions,
  warn: (message: string) => void,
): RenderResult {
  const kubeConstraint = chart.metadata.kubeVersion;
  if (kubeConstraint !== '' && !isCompatibleRange(kubeConstraint, caps.kubeVersion.version)) {
    throw new RenderError(
      `chart requires kubeVersion: ${kubeConstraint} which is incompatible with Kubernetes ${caps.kubeVersion.version}`,
    );
  }

  const files = renderTemplates(chart, top, opts);

  const notesParts: string[] = [];
  const topNotes = pathJoin(chart.name(), 'templates', NOTES_FILE_SUFFIX);
  for (const [k, v] of files) {
    if (!k.endsWith(NOTES_FILE_SUFFIX)) continue;
    if (opts.subNotes || k === topNotes) notesParts.push(v);
    files.delete(k);
  }

  let sorted;
  try {
    sorted = sortManifests(files, {
      ordering: INSTALL_ORDER,
      decodeYaml: decodeManifestYaml,
      log: warn,
    });
  } catch (e) {
    if (e instanceof ManifestSortError) throw new RenderError(e.message, { cause: e });
    throw e;
  }

  return {
    hooks: sorted.hooks,
    manifests: sorted.manifests,
    notes: notesParts.join('\n'),
    crds: chart.crdObjects().map((c) => ({ filename: c.filename, content: utf8Decode(c.file.data) })),
  };
}

function asRenderError(e: unknown): RenderError {
  if (e instanceof RenderError) return e;
  if (e instanceof Error) return new RenderError(e.message, { cause: e });
  return new RenderError(String(e));
}
