/**
 * Typed nil slices and maps (value.ts nilSlice/nilMap) end to end: what Helm 3.17.2 prints for
 * them through toJson, toYaml (sigs.k8s.io/yaml: JSON null), toYamlPretty (go-yaml v3: `[]`),
 * toToml (BurntSushi skips nil values), `%#v`, typeOf and the dict/list functions.
 * Every expectation was produced by the real helm binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase } from '../../../src/render/conformance-case.ts';

const rows: Array<[string, string]> = [
  ['{{ rest (list) | toJson }}', 'null'],
  ['{{ rest (list) | toYaml }}', 'null'],
  ['{{ rest (list) | toYamlPretty }}', '[]'],
  ['{{ rest (list) | toToml }}', '[]'],
  ['{{ dict "a" (rest (list)) | toJson }}', '{"a":null}'],
  ['{{ dict "a" (rest (list)) | toYaml }}', 'a: null'],
  ['{{ dict "a" (rest (list)) | toYamlPretty }}', 'a: []'],
  ['{{ toJson (concat) }}', 'null'],
  ['{{ regexFindAll "x" "abc" -1 | toJson }}', 'null'],
  ['{{ typeOf (regexFindAll "x" "abc" -1) }}', '[]string'],
  ['{{ printf "%#v" (regexFindAll "x" "abc" -1) }}', '[]string(nil)'],
  ['{{ printf "%#v" (rest (list)) }}', '[]interface {}(nil)'],
  ['{{ list | printf "%#v" }}', '[]interface {}{}'],
  ['{{ fromYamlArray "" | toJson }}', '[]'],
  ['{{ fromYaml "" | toJson }}', '{}'],
  ['{{ fromJson "null" | toJson }}', 'null'],
  ['{{ fromJsonArray "null" | toJson }}', 'null'],
  ['{{ fromJson "null" | typeOf }}', 'map[string]interface {}'],
  ['{{ fromJsonArray "null" | typeOf }}', '[]interface {}'],
  ['{{ fromJsonArray "null" | len }}', '0'],
  ['{{ fromJson "null" }}', 'map[]'],
  ['{{ fromJsonArray "null" }}', '[]'],
  ['{{ printf "%#v" (fromJson "null") }}', 'map[string]interface {}(nil)'],
  ['{{ unset (fromJson "null") "a" | toJson }}', 'null'],
  ['{{ fromJson "null" | deepCopy | toJson }}', 'null'],
  ['{{ fromJsonArray "null" | deepCopy | toJson }}', 'null'],
  ['{{ deepEqual (fromJson "null") (dict) }}', 'false'],
  ['{{ deepEqual (fromJson "null") (fromJson "null") }}', 'true'],
  ['{{ deepEqual (rest (list)) (list) }}', 'false'],
  ['{{ mergeOverwrite (fromJson "null") (fromJson "null") | toJson }}', 'null'],
  ['{{ merge (fromJson "null") (dict "a" 1) | toJson }}', '{"a":1}'],
  ['{{ append (fromJsonArray "null") 1 | toJson }}', '[1]'],
  ['{{ toYaml (dict "a" (fromJson "null")) }}', 'a: null'],
  ['{{ dict "a" (fromJson "null") | toToml }}', ''],
  ['{{ dict "a" (fromJsonArray "null") | toToml }}', ''],
  ['{{ dict "a" (list (fromJsonArray "null")) | toToml }}', 'toml: cannot encode array with nil element'],
];

test('nil slices and maps print as Helm prints them', () => {
  for (const [snippet, expect] of rows) {
    const r = runCase({ id: 'nil', area: 'sprig', snippet, expect });
    assert.equal(r.actual, expect, snippet);
  }
});

test('writing to a nil map panics as Go does', () => {
  const r = runCase({
    id: 'nil.set', area: 'error', snippet: '{{ set (fromJson "null") "a" 1 }}',
    expectError: 'Error: template: conf/templates/out.yaml:6:10: executing "conf/templates/out.yaml" at <include "vec" .>: ' +
      'error calling include: template: conf/templates/_vec.tpl:1:21: executing "vec" at <set (fromJson "null") "a" 1>: ' +
      'error calling set: assignment to entry in nil map',
  });
  assert.equal(r.pass, true, r.actual);
});
