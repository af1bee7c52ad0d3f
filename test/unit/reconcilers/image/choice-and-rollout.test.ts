import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  choosePolicyTag, commitMessage, formatRollout, generationOutcome, parseExcludedTags, parseRollout, releaseOutcome, rolloutOf,
  specHolds, withExcludedTag,
} from '../../../../src/reconcilers/image/index.ts';
import type { SetterChange } from '../../../../src/image/index.ts';
import type { KubeObject } from '../../../../src/kube/index.ts';

const glob = { policy: { glob: 'myapp-v*' } };

describe('choosePolicyTag', () => {
  test('the highest match, ignoring tags the policy does not consider', () => {
    assert.deepEqual(choosePolicyTag(['myapp-v1', 'myapp-v2', 'other-v9', 'latest'], glob), { tag: 'myapp-v2' });
  });

  test('a bad tag holds the policy back to the best tag below it, until a newer tag appears', () => {
    const bad = new Set(['myapp-v3']);
    assert.deepEqual(choosePolicyTag(['myapp-v1', 'myapp-v2', 'myapp-v3'], glob, bad), { tag: 'myapp-v2', heldBackBy: 'myapp-v3' });
    assert.deepEqual(choosePolicyTag(['myapp-v1', 'myapp-v2', 'myapp-v3', 'myapp-v4'], glob, bad), { tag: 'myapp-v4' });
    assert.deepEqual(choosePolicyTag(['myapp-v3'], glob, bad), { tag: undefined, heldBackBy: 'myapp-v3' });
  });

  test('semver: a bad 1.5.0 also holds back what the policy cannot tell from it (1.5.0+rebuild)', () => {
    const p = { policy: { semver: { range: '>=1.0.0' } } };
    assert.deepEqual(choosePolicyTag(['1.4.0', '1.5.0', '1.5.0+rebuild'], p, new Set(['1.5.0'])), { tag: '1.4.0', heldBackBy: '1.5.0' });
    assert.deepEqual(choosePolicyTag(['1.4.0', '1.5.0', '1.5.1'], p, new Set(['1.5.0'])), { tag: '1.5.1' });
  });

  test('a bad tag outside the policy changes nothing', () => {
    assert.deepEqual(choosePolicyTag(['myapp-v1', 'myapp-v2'], glob, new Set(['other-v9'])), { tag: 'myapp-v2' });
  });
});

describe('excluded-tags annotation', () => {
  test('comma-separated, deduplicated, newest last, bounded', () => {
    assert.deepEqual(parseExcludedTags(' a, b,,a '), ['a', 'b']);
    assert.equal(withExcludedTag('a,b', 'a'), 'b,a');
    assert.equal(withExcludedTag(undefined, 'x'), 'x');
    let v: string | undefined;
    for (let i = 0; i < 30; i++) v = withExcludedTag(v, `t${i}`);
    assert.equal(parseExcludedTags(v).length, 20);
    assert.equal(parseExcludedTags(v).at(-1), 't29');
  });
});

const change = (o: Partial<SetterChange>): SetterChange => ({
  file: 'clusters/dev/app.yaml', line: 9, column: 12, policy: 'apps:myapp', field: 'tag', oldValue: 'myapp-v1', newValue: 'myapp-v2',
  object: { kind: 'HelmRelease', name: 'app', namespace: 'apps' }, ...o,
});
const policies = { 'apps:myapp': { image: '127.0.0.1:5000/myapp', tag: 'myapp-v2' } };

describe('rollouts', () => {
  test('the HelmReleases a commit changed, with their values and tags; other objects and name-only changes left out', () => {
    const r = rolloutOf('abc', new Date(0), [
      change({}),
      change({ field: 'name', newValue: 'reg/other' }),
      change({ object: { kind: 'Deployment', name: 'web', namespace: 'apps' } }),
      change({ object: { kind: 'HelmRelease', name: 'solo' } }),
    ], policies, ['apps/app', 'other/solo']);
    assert.deepEqual(r?.releases, [
      { helmRelease: 'apps/app', values: ['myapp-v2'], tags: { 'apps:myapp': 'myapp-v2' } },
      { helmRelease: 'other/solo', values: ['myapp-v2'], tags: { 'apps:myapp': 'myapp-v2' } },
    ]);
    assert.deepEqual(parseRollout(formatRollout(r!)), r);
    assert.equal(rolloutOf('abc', new Date(0), [change({ object: { kind: 'Deployment', name: 'w' } })], policies, []), undefined);
    assert.equal(parseRollout('{not json'), undefined);
  });

  const hr = (generation: number, spec: unknown, conditions: { type: string; status: string; reason: string; observedGeneration?: number }[]): KubeObject & { status: { conditions: never[] } } =>
    ({ apiVersion: 'helm.capstan.dev/v1', kind: 'HelmRelease', metadata: { name: 'app', namespace: 'apps', generation }, spec,
      status: { conditions: conditions.map((c) => ({ lastTransitionTime: '2024-01-01T00:00:00Z', message: `${c.reason} message`, ...c })) as never[] } });

  test('a value is found only whole (v1 is not in v10)', () => {
    assert.ok(specHolds({ spec: { values: { image: { tag: 'myapp-v2' } } } }, ['myapp-v2']));
    assert.ok(!specHolds({ spec: { values: { image: { tag: 'myapp-v20' } } } }, ['myapp-v2']));
  });

  test('pending until the spec holds the values and the HelmRelease finished that generation', () => {
    const spec = { values: { image: { tag: 'myapp-v2' } } };
    assert.equal(releaseOutcome(undefined, ['myapp-v2']).kind, 'pending');
    assert.equal(releaseOutcome(hr(3, { values: {} }, [{ type: 'Stalled', status: 'True', reason: 'RetriesExceeded', observedGeneration: 3 }]), ['myapp-v2']).kind, 'pending');
    assert.equal(releaseOutcome(hr(3, spec, [{ type: 'Ready', status: 'True', reason: 'UpgradeSucceeded', observedGeneration: 2 }]), ['myapp-v2']).kind, 'pending');
    assert.equal(releaseOutcome(hr(3, spec, [{ type: 'Ready', status: 'True', reason: 'UpgradeSucceeded', observedGeneration: 3 }]), ['myapp-v2']).kind, 'healthy');
    const failed = releaseOutcome(hr(3, spec, [
      { type: 'Ready', status: 'False', reason: 'RetriesExceeded', observedGeneration: 3 },
      { type: 'Stalled', status: 'True', reason: 'RetriesExceeded', observedGeneration: 3 },
    ]), ['myapp-v2']);
    assert.deepEqual(failed, { kind: 'failed', message: 'RetriesExceeded message' });
    assert.equal(generationOutcome(hr(3, spec, [{ type: 'Stalled', status: 'True', reason: 'InvalidSpec', observedGeneration: 3 }]), 3).kind, 'pending',
      'an invalid spec is not the tag\'s fault');
  });
});

describe('commit messages', () => {
  test('the default message lists the changes; a messageTemplate renders with Sprig and Flux-like data', () => {
    const def = commitMessage({ namespace: 'capstan-system', name: 'infra', template: undefined, policies }, 'x')([change({})]);
    assert.match(def, /^Update from image update automation\n\nAutomation: capstan-system\/infra\n/);
    assert.match(def, /line 9 HelmRelease apps\/app: myapp-v1 -> myapp-v2 \(apps:myapp:tag\)/);
    const tpl = `Automation: {{ .AutomationObject }}
{{ range .Changed.Changes }}- {{ .Object.Kind }} {{ .Object.Name }}: {{ .OldValue }} -> {{ .NewValue }} ({{ .Setter | upper }})
{{ end }}{{ range $file, $changes := .Changed.FileChanges }}{{ $file }}: {{ len $changes }}
{{ end }}Images: {{ join ", " .Changed.Images }}`;
    const out = commitMessage({ namespace: 'capstan-system', name: 'infra', template: tpl, policies }, 'x')([change({})]);
    assert.equal(out, `Automation: capstan-system/infra
- HelmRelease app: myapp-v1 -> myapp-v2 (APPS:MYAPP:TAG)
clusters/dev/app.yaml: 1
Images: 127.0.0.1:5000/myapp:myapp-v2`);
  });

  test('a template that does not parse is an InvalidSpec naming the field', () => {
    assert.throws(() => commitMessage({ namespace: 'n', name: 'a', template: '{{ .Foo', policies }, 'ImageUpdateAutomation n/a'),
      (e: unknown) => (e as { code?: string }).code === 'InvalidSpec' && /spec\.git\.commit\.messageTemplate: template: /.test((e as Error).message));
  });
});
