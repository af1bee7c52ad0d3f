/**
 * Helm's rendering engine (pkg/engine engine.go): every template of a chart and its subcharts is
 * parsed into one template set (deepest paths first), then every non-partial template is executed
 * with its chart's scope (`.Values`, `.Chart`, `.Files`, `.Subcharts`, `.Template`, shared
 * `.Release` and `.Capabilities`). Errors are post-processed exactly as Helm does.
 */
import { mapType, withMapType } from '../template/value.ts';
import type { GoMap, GoValue } from '../template/value.ts';
import { TemplateSet } from '../template/template-set.ts';
import { TemplateError } from '../template/errors.ts';
import { utf8Decode } from '../template/fmt/utf8.ts';
import type { Chart } from '../chart/chart.ts';
import { chartValue } from './chart-object.ts';
import { newFiles } from './files.ts';
import { engineFuncMap } from './helm-funcs.ts';
import { RenderError, cleanupExecError, cleanupParseError, sortTemplates } from './render-errors.ts';
import type { HelmFuncOptions } from './helm-funcs.ts';
import { pathBase, pathJoin } from './go-strings.ts';
import { viewAs } from './values-view.ts';
import './named-types.ts';

export interface EngineOptions extends HelmFuncOptions {
  /** execution budget per template set (nodes evaluated), see TemplateSetOptions.maxSteps */
  maxSteps?: number;
}

/** A template to render: its text, the values it sees, its chart's templates directory. */
export interface Renderable {
  readonly text: string;
  /** the chart scope map (`chartutil.Values`) shared by all templates of one chart */
  readonly vals: GoMap;
  readonly basePath: string;
}

function isLibraryChart(c: Chart): boolean {
  return c.metadata.type.toLowerCase() === 'library';
}

/** isTemplateValid: library charts contribute only their partials. */
function isTemplateValid(c: Chart, templateName: string): boolean {
  return !isLibraryChart(c) || pathBase(templateName).startsWith('_');
}

function isTableValue(v: GoValue): v is GoMap {
  if (!(v instanceof Map)) return false;
  const t = mapType(v);
  return t === 'map[string]interface {}' || t === 'chartutil.Values';
}

/** chartutil.Values.Table on a render-values map; undefined when there is no such table. */
export function valuesTable(v: GoMap, name: string): GoMap | undefined {
  let table: GoMap = v;
  for (const n of name.split('.')) {
    const next = table.get(n);
    if (next === undefined || !isTableValue(next)) return undefined;
    table = next;
  }
  return table;
}

function recAllTpls(c: Chart, templates: Map<string, Renderable>, vals: GoMap): GoMap {
  const subCharts: GoMap = new Map();
  const next: GoMap = withMapType(new Map<string, GoValue>([
    ['Chart', chartValue(c.metadata, c.isRoot())],
    ['Files', newFiles(c.files)],
    ['Release', vals.get('Release')],
    ['Capabilities', vals.get('Capabilities')],
    ['Values', withMapType(new Map(), 'chartutil.Values')],
    ['Subcharts', subCharts],
  ]), 'chartutil.Values');

  if (c.isRoot()) {
    next.set('Values', vals.get('Values'));
  } else {
    const vs = valuesTable(vals, `Values.${c.name()}`);
    if (vs !== undefined) next.set('Values', mapType(vs) === 'chartutil.Values' ? vs : viewAs(vs, 'chartutil.Values'));
  }

  for (const child of c.dependencies()) {
    const childScope = recAllTpls(child, templates, next);
    subCharts.set(child.name(), viewAs(childScope, 'map[string]interface {}'));
  }

  const parentId = c.chartFullPath();
  for (const t of c.templates) {
    if (!isTemplateValid(c, t.name)) continue;
    templates.set(pathJoin(parentId, t.name), {
      text: utf8Decode(t.data),
      vals: next,
      basePath: pathJoin(parentId, 'templates'),
    });
  }
  return next;
}

/** allTemplates: every template of the chart and its subcharts, keyed by full path. */
export function allTemplates(c: Chart, vals: GoMap): Map<string, Renderable> {
  const templates = new Map<string, Renderable>();
  recAllTpls(c, templates, vals);
  return templates;
}

/** Renders every template; returns rendered text by template path (partials excluded). */
export function renderTemplates(chart: Chart, values: GoMap, opts: EngineOptions = {}): Map<string, string> {
  const tpls = allTemplates(chart, values);
  const setOptions = { missingKey: opts.strict ? 'error' : 'zero', ...(opts.maxSteps !== undefined ? { maxSteps: opts.maxSteps } : {}) } as const;
  const t = new TemplateSet(new Map(), setOptions);
  t.funcs(engineFuncMap(t, opts));

  const keys = sortTemplates(tpls.keys());
  for (const filename of keys) {
    try {
      t.parse(filename, tpls.get(filename)!.text);
    } catch (e) {
      if (e instanceof TemplateError && e.kind === 'parse') throw new RenderError(cleanupParseError(filename, e.message), { cause: e });
      throw e;
    }
  }

  const rendered = new Map<string, string>();
  for (const filename of keys) {
    if (pathBase(filename).startsWith('_')) continue;
    const r = tpls.get(filename)!;
    r.vals.set('Template', withMapType(new Map<string, GoValue>([
      ['Name', filename],
      ['BasePath', r.basePath],
    ]), 'chartutil.Values'));
    let out: string;
    try {
      out = t.execute(filename, r.vals);
    } catch (e) {
      if (e instanceof TemplateError) {
        const msg = e.kind === 'exec' ? cleanupExecError(filename, e.message) : e.message;
        throw new RenderError(msg, { cause: e });
      }
      throw e;
    }
    rendered.set(filename, out.replaceAll('<no value>', ''));
  }
  return rendered;
}
