/**
 * `helm template NAME CHART [flags]` end to end (cmd/helm/template.go, install.go runInstall,
 * action.Install.RunWithContext with ClientOnly + DryRun): values merged, chart loaded and checked,
 * rendered, printed. Returns stdout; throws TemplateCommandError whose message is what helm prints
 * after `Error: `.
 */
import type { Chart } from '../chart/chart.ts';
import { checkDependencies } from '../chart/dependencies.ts';
import { mergeValueSources } from '../chart/values-options.ts';
import type { YamlParser } from '../chart/yaml-values.ts';
import type { Values } from '../chart/values.ts';
import { parseKubeVersion, templateCapabilities } from './capabilities.ts';
import type { KubeVersion } from './capabilities.ts';
import { renderChart } from './render-chart.ts';
import type { LookupFunc } from './helm-funcs.ts';
import { formatTemplateOutput } from './template-output.ts';
import { goYamlParser } from './go-yaml.ts';
import { parseTemplateArgs } from './template-args.ts';
import { isRenderingError } from './render-errors.ts';
import type { TemplateArgs } from './template-args.ts';

/** What `helm template` appends to an error raised once rendering had started (without `--debug`). */
export const DEBUG_HINT = '\n\nUse --debug flag to render out invalid YAML';

export class TemplateCommandError extends Error {
  /**
   * True when the error was raised once rendering had started (helm's runInstall returned a release
   * with it: kubeVersion check, template parse/exec errors, YAML errors in manifests) and `--debug`
   * was not given: helm then prints `Error: MESSAGE` followed by {@link DEBUG_HINT}.
   */
  readonly debugHint: boolean;
  constructor(message: string, options?: { cause?: unknown; debugHint?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TemplateCommandError';
    this.debugHint = options?.debugHint ?? false;
  }
}

/** The text helm prints after `Error: ` for an error of the template command. */
export function templateErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return e instanceof TemplateCommandError && e.debugHint ? `${message}${DEBUG_HINT}` : message;
}

export interface TemplateCommandEnv {
  /** reads a file named on the command line (`-f`, `--set-file`); throw Go-worded errors */
  readFile(path: string): string;
  /**
   * ChartPathOptions.LocateChart: the chart reference on the command line → the path to load; throw
   * Helm-worded errors. Helm locates the chart before it merges the values. Without it, `loadChart`
   * gets the reference as given.
   */
  locateChart?(ref: string): string;
  /** loads the chart named on the command line (loader.Load; the located path when `locateChart` is given) */
  loadChart(ref: string): Chart;
  /** go-yaml parser for values files (defaults to the template layer's go-yaml port) */
  parseYaml?: YamlParser;
  /** cluster lookups (`helm template` has none: lookup returns an empty map) */
  lookup?: LookupFunc;
  /** template execution budget */
  maxSteps?: number;
  /** Helm's warnings (stderr) */
  warn?: (message: string) => void;
}

function fail(e: unknown, debugHint = false): never {
  if (e instanceof TemplateCommandError) throw e;
  if (e instanceof RangeError) throw e; // engine bugs (e.g. stack overflow) stay visible
  throw new TemplateCommandError(e instanceof Error ? e.message : String(e), { cause: e, debugHint });
}

/** Runs `helm template` with already parsed arguments. */
export function runTemplate(args: TemplateArgs, env: TemplateCommandEnv): string {
  let kubeVersion: KubeVersion | undefined;
  if (args.kubeVersion !== '') {
    try {
      kubeVersion = parseKubeVersion(args.kubeVersion);
    } catch (e) {
      fail(new TemplateCommandError(`invalid kube version '${args.kubeVersion}': ${(e as Error).message}`));
    }
  }

  let chartPath = args.chart;
  if (env.locateChart) {
    try {
      chartPath = env.locateChart(args.chart);
    } catch (e) {
      fail(e);
    }
  }

  let vals: Values;
  try {
    const yamlOpts = { parseYaml: env.parseYaml ?? goYamlParser };
    vals = mergeValueSources({
      valueFiles: args.valueFiles.map((name) => ({ name, text: env.readFile(name) })),
      jsonValues: args.setJson,
      values: args.set,
      stringValues: args.setString,
      fileValues: args.setFile,
      literalValues: args.setLiteral,
    }, { ...yamlOpts, readFile: (p) => env.readFile(p) });
  } catch (e) {
    fail(e);
  }

  let chart: Chart;
  try {
    chart = env.loadChart(chartPath);
  } catch (e) {
    fail(e);
  }

  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') fail(new TemplateCommandError(`${type} charts are not installable`));

  if (chart.metadata.dependencies !== null) {
    try {
      checkDependencies(chart, chart.metadata.dependencies);
    } catch (e) {
      fail(new TemplateCommandError(
        'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch ' +
          `missing dependencies: ${(e as Error).message}`,
      ));
    }
  }

  const namespace = args.namespace !== '' ? args.namespace : 'default';
  const isUpgrade = args.isUpgrade;
  try {
    const result = renderChart(chart, vals, {
      release: { name: args.releaseName, namespace, revision: 1, isInstall: !isUpgrade, isUpgrade },
      capabilities: templateCapabilities({ ...(kubeVersion ? { kubeVersion } : {}), extraApiVersions: args.apiVersions }),
      skipSchemaValidation: args.skipSchemaValidation,
      subNotes: args.renderSubchartNotes,
      enableDNS: args.enableDns,
      ...(env.lookup ? { lookup: env.lookup } : {}),
      ...(env.maxSteps !== undefined ? { maxSteps: env.maxSteps } : {}),
      ...(env.warn ? { warn: env.warn } : {}),
    });
    return formatTemplateOutput(result, {
      includeCrds: args.includeCrds,
      noHooks: args.noHooks,
      skipTests: args.skipTests,
      showOnly: args.showOnly,
    });
  } catch (e) {
    fail(e, isRenderingError(e) && !args.debug);
  }
}

/** Runs `helm template` from its command-line arguments (without the leading `template`). */
export function runTemplateCommand(argv: readonly string[], env: TemplateCommandEnv): string {
  let args: TemplateArgs;
  try {
    args = parseTemplateArgs(argv);
  } catch (e) {
    fail(e);
  }
  return runTemplate(args, env);
}
