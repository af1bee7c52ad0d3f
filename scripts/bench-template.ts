/**
 * `npm run bench -- template [--iterations N] [--charts a,b,c]`: throughput of the template engine on real
 * charts. For each chart (default: bitnami-redis, argo-cd, kube-prometheus-stack from ../shared/charts, with
 * the values of its `--default` corpus case) every template of the chart and its subcharts is
 *  - parsed into a fresh template set with Helm's function map, N times (`parse`), and
 *  - executed with the chart's render values, N times, from one parsed set (`execute`),
 * as src/render/engine.ts does. Reports the median iteration: templates/s and MB/s (template source for
 * parse, rendered output for execute), then a JSON line with the figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadChart } from '../src/chart/loader.ts';
import { processDependenciesWithMerge } from '../src/chart/dependencies.ts';
import { coalesceValues } from '../src/chart/coalesce.ts';
import { mergeValueSources } from '../src/chart/values-options.ts';
import { isCompatibleRange, parseKubeVersion, templateCapabilities } from '../src/render/capabilities.ts';
import { allTemplates } from '../src/render/engine.ts';
import type { Renderable } from '../src/render/engine.ts';
import { goYamlParser } from '../src/render/go-yaml.ts';
import { engineFuncMap } from '../src/render/helm-funcs.ts';
import { sortTemplates } from '../src/render/render-errors.ts';
import { toRenderValues } from '../src/render/render-values.ts';
import { TemplateSet } from '../src/template/template-set.ts';
import { withMapType } from '../src/template/value.ts';
import type { GoValue } from '../src/template/value.ts';
import { pathBase } from '../src/render/go-strings.ts';
import { defaultCorpusRoot, loadCorpus } from '../test/support/corpus.ts';
import { fmtMs, fmtNum, intOption, median, table } from './bench-util.ts';

const DEFAULT_CHARTS = ['bitnami-redis', 'argo-cd', 'kube-prometheus-stack'];

interface Prepared {
  chart: string;
  keys: string[];
  tpls: Map<string, Renderable>;
  sourceBytes: number;
}

function prepare(chartDir: string): Prepared {
  const root = defaultCorpusRoot;
  const c = loadCorpus().find((x) => x.chart === chartDir && x.id.endsWith('--default')) ?? loadCorpus().find((x) => x.chart === chartDir);
  if (!c) throw new Error(`no corpus case for ${chartDir}`);
  const chart = loadChart(resolve(root, c.chart), { parseYaml: goYamlParser });
  const vals = mergeValueSources(
    { valueFiles: c.valuesFiles.map((name) => ({ name, text: readFileSync(resolve(root, name), 'utf8') })), values: c.set },
    { parseYaml: goYamlParser, readFile: (p) => readFileSync(resolve(root, p), 'utf8') },
  );
  processDependenciesWithMerge(chart, vals, { isCompatibleRange });
  const coalesced = coalesceValues(chart, vals);
  const caps = templateCapabilities({ kubeVersion: parseKubeVersion(c.kubeVersion), extraApiVersions: c.apiVersions });
  const top = toRenderValues(chart, coalesced, { name: c.release, namespace: c.namespace, revision: 1, isInstall: true, isUpgrade: false }, caps);
  const tpls = allTemplates(chart, top);
  const keys = sortTemplates(tpls.keys());
  let sourceBytes = 0;
  for (const k of keys) sourceBytes += Buffer.byteLength(tpls.get(k)!.text);
  return { chart: chartDir, keys, tpls, sourceBytes };
}

function newSet(): TemplateSet {
  const t = new TemplateSet(new Map(), { missingKey: 'zero' });
  t.funcs(engineFuncMap(t, {}));
  return t;
}

function parseAll(p: Prepared): TemplateSet {
  const t = newSet();
  for (const k of p.keys) t.parse(k, p.tpls.get(k)!.text);
  return t;
}

/** Executes every non-partial template; returns [output bytes, templates executed, errors]. */
function executeAll(p: Prepared, t: TemplateSet): [number, number, number] {
  let bytes = 0;
  let n = 0;
  let errors = 0;
  for (const k of p.keys) {
    if (pathBase(k).startsWith('_')) continue;
    const r = p.tpls.get(k)!;
    r.vals.set('Template', withMapType(new Map<string, GoValue>([['Name', k], ['BasePath', r.basePath]]), 'chartutil.Values'));
    n++;
    try {
      bytes += Buffer.byteLength(t.execute(k, r.vals));
    } catch {
      errors++;
    }
  }
  return [bytes, n, errors];
}

function timeIt(iterations: number, warmup: number, fn: () => void): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchTemplate(opts: Map<string, string>): Promise<void> {
  const iterations = intOption(opts, 'iterations', 20);
  const charts = opts.get('charts')?.split(',') ?? DEFAULT_CHARTS;
  const rows: string[][] = [];
  const figures: Record<string, unknown> = {};
  for (const name of charts) {
    const tp0 = performance.now();
    const p = prepare(name);
    const prepMs = performance.now() - tp0;
    const tc0 = performance.now();
    const first = parseAll(p);
    const coldParseMs = performance.now() - tc0;
    const te0 = performance.now();
    const [outBytes, executed, errors] = executeAll(p, first);
    const coldExecMs = performance.now() - te0;
    const parseMs = median(timeIt(iterations, 3, () => parseAll(p)));
    const t = parseAll(p);
    const execMs = median(timeIt(iterations, 3, () => executeAll(p, t)));
    const mb = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
    const f = {
      templates: p.keys.length,
      sourceKB: p.sourceBytes / 1000,
      executed,
      execErrors: errors,
      outputKB: outBytes / 1000,
      prepareMs: prepMs,
      firstParseMs: coldParseMs,
      firstExecMs: coldExecMs,
      parseMs,
      parseTemplatesPerS: p.keys.length / (parseMs / 1000),
      parseMBps: mb(p.sourceBytes, parseMs),
      execMs,
      execTemplatesPerS: executed / (execMs / 1000),
      execMBps: mb(outBytes, execMs),
    };
    figures[name] = f;
    rows.push([
      name, String(f.templates), fmtNum(f.sourceKB, 0), fmtMs(coldParseMs), fmtMs(parseMs), fmtNum(f.parseTemplatesPerS, 0), fmtNum(f.parseMBps),
      String(executed) + (errors ? ` (${errors} err)` : ''), fmtNum(f.outputKB, 0), fmtMs(coldExecMs), fmtMs(execMs), fmtNum(f.execTemplatesPerS, 0), fmtNum(f.execMBps),
    ]);
  }
  console.log(`template engine, median of ${iterations} iterations after 3 warm-up (first = first ever in this process)`);
  console.log(table(
    ['chart', 'tpls', 'src KB', 'parse 1st ms', 'parse ms', 'parse tpl/s', 'parse MB/s', 'executed', 'out KB', 'exec 1st ms', 'exec ms', 'exec tpl/s', 'exec MB/s'],
    rows,
  ));
  console.log(JSON.stringify({ suite: 'template', iterations, charts: figures }));
}
