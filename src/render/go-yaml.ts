/**
 * The template layer's exact go-yaml port, shaped for the chart layer's `YamlParser` hook (which
 * wants go-yaml's own message, `yaml: line 3: …`, and adds `error converting YAML to JSON: ` itself).
 */
import { parseYaml } from '../template/yaml/index.ts';
import type { YamlParser } from '../chart/yaml-values.ts';

const PREFIX = 'error converting YAML to JSON: ';

export const goYamlParser: YamlParser = (text) => {
  try {
    return parseYaml(text);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(PREFIX)) throw new Error(e.message.slice(PREFIX.length));
    throw e;
  }
};

/** sigs.k8s.io/yaml Unmarshal of one manifest into interface{} (errors with Go's full text). */
export function decodeManifestYaml(doc: string): unknown {
  return parseYaml(doc);
}
