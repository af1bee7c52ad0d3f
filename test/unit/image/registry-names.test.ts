import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ImageRegistryError, credentialsFromSecret, latestTags, nextPageUrl, parseImageName,
} from '../../../src/image/registry/index.ts';

const names: [string, string, string, string, string][] = [
  // image, registry, apiHost, repository, canonical
  ['alpine', 'index.docker.io', 'registry-1.docker.io', 'library/alpine', 'index.docker.io/library/alpine'],
  ['stefanprodan/podinfo', 'index.docker.io', 'registry-1.docker.io', 'stefanprodan/podinfo', 'index.docker.io/stefanprodan/podinfo'],
  ['docker.io/alpine', 'index.docker.io', 'registry-1.docker.io', 'library/alpine', 'index.docker.io/library/alpine'],
  ['ghcr.io/fluxcd/flux-cli', 'ghcr.io', 'ghcr.io', 'fluxcd/flux-cli', 'ghcr.io/fluxcd/flux-cli'],
  ['127.0.0.1:5000/myapp', '127.0.0.1:5000', '127.0.0.1:5000', 'myapp', '127.0.0.1:5000/myapp'],
  ['localhost/team/app', 'localhost', 'localhost', 'team/app', 'localhost/team/app'],
  ['registry:5000/a/b/c', 'registry:5000', 'registry:5000', 'a/b/c', 'registry:5000/a/b/c'],
  ['[::1]:5000/app', '[::1]:5000', '[::1]:5000', 'app', '[::1]:5000/app'],
  ['example.com/my_app/x-y__z.1', 'example.com', 'example.com', 'my_app/x-y__z.1', 'example.com/my_app/x-y__z.1'],
];

for (const [image, registry, apiHost, repository, canonical] of names) {
  test(`image name ${image}`, () => {
    assert.deepEqual(parseImageName(image), { image, registry, apiHost, repository, canonical });
  });
}

for (const bad of ['', ' app', 'app:1.0', 'ghcr.io/app:1.0', 'app@sha256:00', 'App', 'a//b', 'ex ample.com/a', '-a', 'host:99x/a']) {
  test(`invalid image name ${JSON.stringify(bad)}`, () => {
    assert.throws(() => parseImageName(bad), (e: unknown) => e instanceof ImageRegistryError && e.code === 'InvalidImage');
  });
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

test('dockerconfigjson: auth, username/password, key forms, Docker Hub aliases', () => {
  const cfg = JSON.stringify({
    auths: {
      'https://index.docker.io/v1/': { auth: b64('hub:hubpass') },
      'ghcr.io': { username: 'gh', password: 'ghpass' },
      'http://127.0.0.1:5000': { auth: b64('local:a:b:c') },
    },
  });
  const data = { '.dockerconfigjson': new Uint8Array(Buffer.from(cfg)) };
  assert.deepEqual(credentialsFromSecret(data, 'index.docker.io', 'alpine'), { username: 'hub', password: 'hubpass' });
  assert.deepEqual(credentialsFromSecret(data, 'ghcr.io', 'ghcr.io/x'), { username: 'gh', password: 'ghpass' });
  assert.deepEqual(credentialsFromSecret(data, '127.0.0.1:5000', '127.0.0.1:5000/x'), { username: 'local', password: 'a:b:c' }, 'only the first colon splits');
  assert.equal(credentialsFromSecret(data, 'quay.io', 'quay.io/x'), undefined);
  assert.equal(credentialsFromSecret(data, '127.0.0.1:5001', '127.0.0.1:5001/x'), undefined, 'the port is part of the key');
});

test('dockerconfigjson: docker.io key matches Docker Hub images', () => {
  const data = { '.dockerconfigjson': JSON.stringify({ auths: { 'docker.io': { auth: b64('u:p') } } }) };
  assert.deepEqual(credentialsFromSecret(data, parseImageName('library/nginx').registry, 'library/nginx'), { username: 'u', password: 'p' });
});

test('legacy .dockercfg and plain username/password keys', () => {
  assert.deepEqual(credentialsFromSecret({ '.dockercfg': JSON.stringify({ 'ghcr.io': { auth: b64('a:b') } }) }, 'ghcr.io', 'i'), { username: 'a', password: 'b' });
  assert.deepEqual(credentialsFromSecret({ username: 'u', password: 'p' }, 'ghcr.io', 'i'), { username: 'u', password: 'p' });
  assert.equal(credentialsFromSecret({}, 'ghcr.io', 'i'), undefined);
});

test('malformed Secret data: InvalidCredentials, naming the key, never the content', () => {
  const secret = 'hunter2-secret';
  assert.throws(() => credentialsFromSecret({ '.dockerconfigjson': `{"auths": ${secret}` }, 'ghcr.io', 'ghcr.io/x'),
    (e: unknown) => e instanceof ImageRegistryError && e.code === 'InvalidCredentials' && /\.dockerconfigjson is not valid JSON/.test(e.message) && !e.message.includes(secret));
  assert.throws(() => credentialsFromSecret({ '.dockerconfigjson': JSON.stringify({ auths: { 'ghcr.io': { auth: b64(secret) } } }) }, 'ghcr.io', 'x'),
    (e: unknown) => e instanceof ImageRegistryError && e.code === 'InvalidCredentials' && !e.message.includes(secret));
  assert.throws(() => credentialsFromSecret({ '.dockerconfigjson': '{"auths": []}' }, 'ghcr.io', 'x'), /no "auths" object/);
});

test('Link header: rel="next", relative to the page, other rels ignored', () => {
  const page = new URL('https://r.example/v2/app/tags/list?n=2');
  assert.equal(nextPageUrl('</v2/app/tags/list?n=2&last=b>; rel="next"', page)?.href, 'https://r.example/v2/app/tags/list?n=2&last=b');
  assert.equal(nextPageUrl('<https://r.example/x?last=a,b>; rel=next', page)?.href, 'https://r.example/x?last=a,b');
  assert.equal(nextPageUrl('</first>; rel="first", </n>; rel="prev next"', page)?.href, 'https://r.example/n');
  assert.equal(nextPageUrl('</p>; rel="prev"', page), undefined);
  assert.equal(nextPageUrl(undefined, page), undefined);
});

test('latestTags: the ten greatest names, descending', () => {
  const tags = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
  assert.deepEqual(latestTags(tags), ['t11', 't10', 't09', 't08', 't07', 't06', 't05', 't04', 't03', 't02']);
});
