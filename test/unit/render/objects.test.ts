import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshalJSON } from '../../../src/template/json/encode.ts';
import { typeName } from '../../../src/template/value.ts';
import { capabilitiesValue, templateCapabilities, parseKubeVersion } from '../../../src/render/capabilities.ts';
import { chartValue, metadataValue } from '../../../src/render/chart-object.ts';
import { releaseObject } from '../../../src/render/render-values.ts';
import type { Metadata } from '../../../src/chart/metadata.ts';

function metadata(over: Partial<Metadata> = {}): Metadata {
  return {
    name: 'conf', home: '', sources: null, version: '0.1.0', description: 'conformance', keywords: null,
    maintainers: null, icon: '', apiVersion: 'v2', condition: '', tags: '', appVersion: '1.0', deprecated: false,
    annotations: null, kubeVersion: '', dependencies: null, type: '', ...over,
  };
}

// Expected strings recorded from helm v3.17.2 (`{{ .Chart | toJson }}` etc. with --kube-version 1.31.0).
test('.Chart: struct { chart.Metadata; IsRoot bool } with json-tagged, omitempty fields', () => {
  const c = chartValue(metadata(), true);
  assert.equal(typeName(c), 'struct { chart.Metadata; IsRoot bool }');
  assert.equal(marshalJSON(c), '{"name":"conf","version":"0.1.0","description":"conformance","apiVersion":"v2","appVersion":"1.0","IsRoot":true}');
  assert.equal(c.fields.get('Name'), 'conf');
  assert.equal(c.fields.get('IsRoot'), true);
  // the embedded chart.Metadata: one field when iterated (as %v prints it), its fields promoted
  assert.deepEqual([...c.fields.keys()], ['Metadata', 'IsRoot']);
  assert.equal(typeName(c.fields.get('Metadata')), 'chart.Metadata');
  assert.ok(c.fields.has('AppVersion'));
  assert.equal(c.fields.has('Nope'), false);
  assert.equal(typeName(c.fields.get('Keywords')), '[]string');
  assert.equal(typeName(c.fields.get('Annotations')), 'map[string]string');
  assert.equal(typeName(metadataValue(metadata())), '*chart.Metadata');
  const rich = chartValue(metadata({
    maintainers: [{ name: 'me', email: '', url: 'u' }],
    dependencies: [{ name: 'sub', version: '0.2.0', repository: '', condition: 'sub.enabled', tags: null, enabled: true, importValues: null, alias: '' }],
    annotations: new Map([['b', '2'], ['a', '1']]),
  }), false);
  assert.equal(
    marshalJSON(rich),
    '{"name":"conf","version":"0.1.0","description":"conformance","maintainers":[{"name":"me","url":"u"}],"apiVersion":"v2","appVersion":"1.0","annotations":{"a":"1","b":"2"},"dependencies":[{"name":"sub","version":"0.2.0","repository":"","condition":"sub.enabled","enabled":true}],"IsRoot":false}',
  );
});

test('.Capabilities: *chartutil.Capabilities with KubeVersion, APIVersions, HelmVersion', () => {
  const caps = capabilitiesValue(templateCapabilities({ kubeVersion: parseKubeVersion('1.31.0') }));
  assert.equal(typeName(caps), '*chartutil.Capabilities');
  const kv = caps.fields.get('KubeVersion');
  assert.equal(marshalJSON(kv), '{"Version":"v1.31.0","Major":"1","Minor":"31"}');
  assert.equal(
    marshalJSON(caps.fields.get('HelmVersion')),
    '{"version":"v3.17.2","git_commit":"cc0bbbd6d6276b83880042c1ecb34087e84d41eb","git_tree_state":"clean","go_version":"go1.23.7"}',
  );
  const json = marshalJSON(caps);
  assert.ok(json.startsWith('{"KubeVersion":{"Version":"v1.31.0","Major":"1","Minor":"31"},"APIVersions":["v1","admissionregistration.k8s.io/v1",'));
  assert.ok(json.endsWith('"apiextensions.k8s.io/v1"],"HelmVersion":{"version":"v3.17.2","git_commit":"cc0bbbd6d6276b83880042c1ecb34087e84d41eb","git_tree_state":"clean","go_version":"go1.23.7"}}'));
});

test('.Release: map[string]interface {} with an int Revision', () => {
  const r = releaseObject({ name: 'rel', namespace: 'ns', revision: 1, isInstall: true, isUpgrade: false });
  assert.equal(typeName(r), 'map[string]interface {}');
  assert.equal(typeName(r.get('Revision')), 'int');
  assert.equal(marshalJSON(r), '{"IsInstall":true,"IsUpgrade":false,"Name":"rel","Namespace":"ns","Revision":1,"Service":"Helm"}');
});
