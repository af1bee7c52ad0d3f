import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ImageAutomationError, parseImageRef, patchValuesTags, readImageAutomation, selectLatest, type HelmReleaseLike,
} from '../../../src/image/index.ts';

const hr = (annotations: Record<string, string>, values: unknown): HelmReleaseLike => ({ metadata: { annotations }, spec: { values } });

/** name → [image, tag, paths] */
function found(h: HelmReleaseLike): Record<string, [string, string, string]> {
  return Object.fromEntries(readImageAutomation(h).containers.map((c) => [c.name, [c.image, c.tag, c.paths.join(' ')]]));
}

test('the Flux v1 shapes, at the top level (chart-image) and under one key (the key names the container)', () => {
  const values = {
    image: 'ghcr.io/org/app:1.0.0',
    backend: { image: { repository: 'ghcr.io/org/backend', tag: 'v2.1.0' } },
    frontend: { image: { registry: 'registry.example:5000', repository: 'team/web', tag: '3' } },
    worker: { image: 'worker', tag: '7' },
    cron: { registry: 'quay.io', image: 'org/cron', tag: 'c1' },
    sidecar: { image: 'localhost/side:9' },
    plain: { image: 'nginx' },
    nested: { deeper: { image: 'not/found:1' } },
    notAnImage: { image: 42 },
    digest: { image: 'ghcr.io/x/y@sha256:abc' },
    replicaCount: 2,
  };
  assert.deepEqual(found(hr({}, values)), {
    'chart-image': ['ghcr.io/org/app', '1.0.0', 'image'],
    backend: ['ghcr.io/org/backend', 'v2.1.0', 'backend.image.repository backend.image.tag'],
    cron: ['quay.io/org/cron', 'c1', 'cron.registry cron.image cron.tag'],
    frontend: ['registry.example:5000/team/web', '3', 'frontend.image.registry frontend.image.repository frontend.image.tag'],
    plain: ['nginx', '', 'plain.image'],
    sidecar: ['localhost/side', '9', 'sidecar.image'],
    worker: ['worker', '7', 'worker.image worker.tag'],
  });
  assert.deepEqual(readImageAutomation(hr({}, values)).containers.map((c) => c.name),
    ['chart-image', 'backend', 'cron', 'frontend', 'plain', 'sidecar', 'worker'], 'chart-image first, then by name');
});

test('top-level image map: {repository, tag} is chart-image', () => {
  assert.deepEqual(found(hr({}, { image: { repository: 'stefanprodan/podinfo', tag: '1.3.2' } })),
    { 'chart-image': ['stefanprodan/podinfo', '1.3.2', 'image.repository image.tag'] });
});

test('the Flux v1 book example: fluxcd.io annotations', () => {
  const a = readImageAutomation(hr({ 'fluxcd.io/automated': 'true', 'fluxcd.io/tag.chart-image': 'glob:1.3.*' },
    { image: { repository: 'stefanprodan/podinfo', tag: '1.3.2' } }));
  assert.equal(a.automated, true);
  assert.equal(a.locked, false);
  const [c] = a.containers;
  assert.equal(c?.filter, 'glob:1.3.*');
  assert.equal(c?.filterAnnotation, 'fluxcd.io/tag.chart-image');
  assert.equal(selectLatest(['1.3.2', '1.3.10', '1.4.0', 'latest'], c!.policy)?.tag, '1.3.10');
});

test('capstan.dev annotations; precedence over fluxcd.io, flux.weave.works and filter.fluxcd.io', () => {
  const a = readImageAutomation(hr({
    'capstan.dev/automated': 'true',
    'capstan.dev/tag.backend': 'semver:~2.1',
    'fluxcd.io/tag.backend': 'glob:*',
    'flux.weave.works/tag.frontend': 'regex:^v[0-9]+$',
    'filter.fluxcd.io/frontend': 'glob:nope',
    'filter.fluxcd.io/worker': 'glob:w-*',
  }, { backend: { image: 'b:2.1.0' }, frontend: { image: 'f:v1' }, worker: { image: 'w:w-1' }, other: { image: 'o:1' } }));
  assert.equal(a.automated, true);
  assert.deepEqual(a.containers.map((c) => [c.name, c.filter, c.filterAnnotation]), [
    ['backend', 'semver:~2.1', 'capstan.dev/tag.backend'],
    ['frontend', 'regex:^v[0-9]+$', 'flux.weave.works/tag.frontend'],
    ['other', 'glob:*', undefined],
    ['worker', 'glob:w-*', 'filter.fluxcd.io/worker'],
  ]);
});

test('automated must be exactly "true"; locked and ignore hold it off', () => {
  assert.equal(readImageAutomation(hr({ 'capstan.dev/automated': 'yes' }, {})).automated, false);
  assert.equal(readImageAutomation(hr({}, {})).automated, false);
  assert.equal(readImageAutomation(hr({ 'capstan.dev/automated': 'true', 'capstan.dev/locked': 'true' }, {})).locked, true);
  assert.equal(readImageAutomation(hr({ 'fluxcd.io/automated': 'true', 'fluxcd.io/locked': 'true' }, {})).locked, true);
  assert.equal(readImageAutomation(hr({ 'fluxcd.io/ignore': 'true' }, {})).locked, true);
  assert.equal(readImageAutomation({}).containers.length, 0, 'no metadata, no spec');
});

test('an invalid filter is reported on the container, naming the annotation', () => {
  const [c] = readImageAutomation(hr({ 'capstan.dev/tag.chart-image': 'semver:not-a-range' }, { image: 'a:1' })).containers;
  assert.match(c?.invalid ?? '', /^annotation capstan\.dev\/tag\.chart-image: "semver:not-a-range": policy\.semver\.range: invalid semver range/);
});

test('user mappings (repository./registry./tag.fluxcd.io) find images the shapes do not, and win over shapes', () => {
  const values = { app: { img: { name: 'org/app', version: '1.0', host: 'r.example' } }, api: { image: 'api:1' } };
  const h = hr({
    'repository.fluxcd.io/app': 'app.img.name', 'tag.fluxcd.io/app': 'app.img.version', 'registry.fluxcd.io/app': 'app.img.host',
    'repository.fluxcd.io/api': 'api.image',
  }, values);
  assert.deepEqual(found(h), {
    api: ['api', '1', 'api.image'],
    app: ['r.example/org/app', '1.0', 'app.img.host app.img.name app.img.version'],
  });
  assert.deepEqual(patchValuesTags(h, { app: '1.1', api: '2' }), { app: { img: { name: 'org/app', version: '1.1', host: 'r.example' } }, api: { image: 'api:2' } });
});

test('patchValuesTags writes each shape back as it was found, on a copy', () => {
  const values = {
    image: 'ghcr.io/org/app:1.0.0',
    backend: { image: { repository: 'ghcr.io/org/backend', tag: 'v2.1.0', pullPolicy: 'IfNotPresent' } },
    frontend: { image: { registry: 'registry.example:5000', repository: 'team/web', tag: '3' } },
    worker: { image: 'worker:ignored', tag: '7' },
    cron: { registry: 'quay.io', image: 'org/cron:c1' },
    plain: { image: 'nginx' },
    replicaCount: 2,
  };
  const before = structuredClone(values);
  const h = hr({}, values);
  const out = patchValuesTags(h, { 'chart-image': '1.1.0', backend: 'v2.2.0', frontend: '4', worker: '8', cron: 'c2', plain: '1.27' });
  assert.deepEqual(out, {
    image: 'ghcr.io/org/app:1.1.0',
    backend: { image: { repository: 'ghcr.io/org/backend', tag: 'v2.2.0', pullPolicy: 'IfNotPresent' } },
    frontend: { image: { registry: 'registry.example:5000', repository: 'team/web', tag: '4' } },
    worker: { image: 'worker', tag: '8' },
    cron: { registry: 'quay.io', image: 'org/cron:c2' },
    plain: { image: 'nginx:1.27' },
    replicaCount: 2,
  });
  assert.deepEqual(values, before, 'the HelmRelease values are not mutated');
  assert.deepEqual(patchValuesTags(h, {}), values);
});

test('patchValuesTags: unknown container and invalid tag', () => {
  const h = hr({}, { image: 'a:1' });
  assert.throws(() => patchValuesTags(h, { backend: '2' }), (e: unknown) => e instanceof ImageAutomationError && e.container === 'backend' && /found: chart-image/.test(e.message));
  assert.throws(() => patchValuesTags(h, { 'chart-image': 'bad tag' }), /not a valid image tag/);
});

test('parseImageRef follows Flux v1 ParseRef', () => {
  assert.deepEqual(parseImageRef('alpine:3.19'), { domain: '', path: 'alpine', tag: '3.19' });
  assert.deepEqual(parseImageRef('weaveworks/scope:1.1'), { domain: '', path: 'weaveworks/scope', tag: '1.1' });
  assert.deepEqual(parseImageRef('localhost/foo'), { domain: 'localhost', path: 'foo', tag: '' });
  assert.deepEqual(parseImageRef('127.0.0.1:5000/myapp:1.0'), { domain: '127.0.0.1:5000', path: 'myapp', tag: '1.0' });
  assert.deepEqual(parseImageRef('a/b/c:d'), { domain: 'a', path: 'b/c', tag: 'd' });
  for (const bad of ['', '/a', 'a/', 'a:b:c', 'a:', ':a', 'a@sha256:00', 'a b']) assert.equal(parseImageRef(bad), undefined, bad);
});
