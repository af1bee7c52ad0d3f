/**
 * Loading CHART and the -f/--set family for commands that render (install, upgrade, template), with
 * the template layer's go-yaml port so that YAML errors read as Helm's.
 */
import { readFileSync } from 'node:fs';
import { loadChart } from '../chart/loader.ts';
import type { Chart } from '../chart/chart.ts';
import { mergeValueSources } from '../chart/values-options.ts';
import type { Values } from '../chart/values.ts';
import { goYamlParser } from '../render/go-yaml.ts';
import { list, type Parsed } from './flags.ts';

export function loadUserValues(p: Parsed): Values {
  return mergeValueSources({
    valueFiles: list(p, 'values').map((name) => ({ name, text: readFileSync(name === '-' ? 0 : name, 'utf8') })),
    values: list(p, 'set'),
    stringValues: list(p, 'set-string'),
    jsonValues: list(p, 'set-json'),
    fileValues: list(p, 'set-file'),
    literalValues: list(p, 'set-literal'),
  }, {
    parseYaml: goYamlParser,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        throw new Error(`open ${path}: no such file or directory`);
      }
    },
  });
}

export function loadChartArg(path: string): Chart {
  return loadChart(path, { parseYaml: goYamlParser });
}
