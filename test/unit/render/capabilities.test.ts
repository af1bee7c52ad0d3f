import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubeVersion, templateCapabilities, DEFAULT_API_VERSIONS } from '../../../src/render/capabilities.ts';

test('parseKubeVersion: lax semver as helm --kube-version', () => {
  assert.deepEqual(parseKubeVersion('1.31.0'), { version: 'v1.31.0', major: '1', minor: '31' });
  assert.deepEqual(parseKubeVersion('1.29'), { version: 'v1.29.0', major: '1', minor: '29' });
  assert.deepEqual(parseKubeVersion('2'), { version: 'v2.0.0', major: '2', minor: '0' });
  assert.deepEqual(parseKubeVersion('v1.2.3-rc.1+meta'), { version: 'v1.2.3-rc.1+meta', major: '1', minor: '2' });
  assert.deepEqual(parseKubeVersion('01.2.3'), { version: 'v1.2.3', major: '1', minor: '2' });
  assert.throws(() => parseKubeVersion('abc'), { message: 'Invalid Semantic Version' });
  assert.throws(() => parseKubeVersion('1.2.3.4'), { message: 'Invalid Semantic Version' });
  assert.throws(() => parseKubeVersion('1.2.3-01'), { message: 'Version segment starts with 0' });
});

test('template capabilities: defaults plus --api-versions', () => {
  const caps = templateCapabilities({ extraApiVersions: ['custom.io/v1'] });
  assert.equal(caps.kubeVersion.version, 'v1.32.0');
  assert.equal(caps.apiVersions.length, DEFAULT_API_VERSIONS.length + 1);
  assert.equal(caps.apiVersions[0], 'v1');
  assert.equal(caps.apiVersions.at(-1), 'custom.io/v1');
  assert.equal(caps.helmVersion.version, 'v3.17.2');
});
