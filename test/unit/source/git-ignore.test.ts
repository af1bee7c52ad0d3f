import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceIgnore } from '../../../src/source/git/index.ts';

const files = [
  'README.md', 'logo.png', 'docs/shot.jpg', 'release.tar.gz', '.gitignore', '.gitmodules', '.github/workflows/ci.yml',
  '.gitlab-ci.yml', 'sub/.sops.yaml', 'charts/app/Chart.yaml', 'charts/app/values.yaml', 'deploy/app.yaml', 'deploy/secret.enc.yaml',
  'deploy/nested/.flux.yaml',
];

function kept(rules: SourceIgnore, list = files): string[] {
  return list.filter((f) => !rules.ignores(f));
}

test('without any rule, Flux default excludes apply (VCS, images and archives, CI files, extras)', () => {
  assert.deepEqual(kept(SourceIgnore.from(new Map())), ['README.md', 'charts/app/Chart.yaml', 'charts/app/values.yaml', 'deploy/app.yaml', 'deploy/secret.enc.yaml']);
});

test('spec.ignore replaces the default excludes but not the VCS ones', () => {
  assert.deepEqual(kept(SourceIgnore.from(new Map(), '*.enc.yaml\n')),
    files.filter((f) => !['.gitignore', '.gitmodules', 'deploy/secret.enc.yaml'].includes(f)));
});

test('the usual "only this directory" spec works with gitignore semantics', () => {
  assert.deepEqual(kept(SourceIgnore.from(new Map(), '# only deploy\n/*\n!/deploy/\n')), ['deploy/app.yaml', 'deploy/secret.enc.yaml', 'deploy/nested/.flux.yaml']);
});

test('a .sourceignore applies below its own directory only, and spec.ignore has the last word', () => {
  const sub = new Map([['deploy/.sourceignore', '*.yaml\n!app.yaml\n']]);
  const list = ['deploy/app.yaml', 'deploy/other.yaml', 'top.yaml'];
  assert.deepEqual(kept(SourceIgnore.from(sub), list), ['deploy/app.yaml', 'top.yaml']);
  assert.deepEqual(kept(SourceIgnore.from(sub, '!deploy/other.yaml\n'), list), list);
});

test('the root .sourceignore comes before deeper ones, which can re-include', () => {
  const rules = SourceIgnore.from(new Map([['a/b/.sourceignore', '!keep.txt\n'], ['.sourceignore', '*.txt\n']]));
  assert.deepEqual(kept(rules, ['x.txt', 'a/b/keep.txt', 'a/b/drop.txt']), ['a/b/keep.txt']);
});
