import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { sortManifests } from '../../../src/render/manifest-sorter.ts';
import { INSTALL_ORDER } from '../../../src/render/kind-sorter.ts';
import { formatTemplateOutput, releaseManifest, ShowOnlyError } from '../../../src/render/template-output.ts';
import type { RenderResult } from '../../../src/render/template-output.ts';

// The chart used to record these outputs with helm v3.17.2 `helm template rel conf …`.
const files = new Map([
  ['conf/templates/test.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n'],
  ['conf/templates/hooks.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hookcm\n  annotations:\n    helm.sh/hook: pre-install\n'],
  ['conf/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'],
]);
const sorted = sortManifests(files, { decodeYaml: (d) => parse(d) as unknown, ordering: INSTALL_ORDER });
const result: RenderResult = {
  ...sorted,
  notes: '',
  crds: [{ filename: 'conf/crds/thing.yaml', content: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things\n' }],
};

const CM = '---\n# Source: conf/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
const HOOK_CM = '---\n# Source: conf/templates/hooks.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hookcm\n  annotations:\n    helm.sh/hook: pre-install\n';
const TEST_POD = '---\n# Source: conf/templates/test.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n';
const JOB = '---\n# Source: conf/templates/hooks.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n';
const CRD = '---\n# Source: conf/crds/thing.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things\n\n';

test('helm template: manifests, then hooks sorted by kind; CRDs first with --include-crds', () => {
  assert.equal(formatTemplateOutput(result), CM + HOOK_CM + TEST_POD + JOB);
  assert.equal(formatTemplateOutput(result, { includeCrds: true }), CRD + CM + HOOK_CM + TEST_POD + JOB);
  assert.equal(releaseManifest(result), CM);
});

test('helm template: --no-hooks and --skip-tests', () => {
  assert.equal(formatTemplateOutput(result, { noHooks: true, skipTests: true }), CM);
  assert.equal(formatTemplateOutput(result, { skipTests: true }), CM + HOOK_CM + JOB);
});

test('helm template: --show-only selects documents per pattern, in pattern order', () => {
  assert.equal(formatTemplateOutput(result, { showOnly: ['templates/hooks.yaml', 'templates/c*'] }), HOOK_CM + JOB + CM);
  assert.equal(
    formatTemplateOutput(result, { showOnly: ['crds/thing.yaml'], includeCrds: true }),
    CRD.trimEnd() + '\n',
  );
  assert.throws(() => formatTemplateOutput(result, { showOnly: ['nothing'] }), (e: unknown) => {
    assert.ok(e instanceof ShowOnlyError);
    assert.equal((e as Error).message, 'could not find template nothing in chart');
    return true;
  });
});

test('helm template: an empty chart prints one newline', () => {
  assert.equal(formatTemplateOutput({ manifests: [], hooks: [], notes: '', crds: [] }), '\n');
});
