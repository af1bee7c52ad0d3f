import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import * as C from '../../../src/chart/index.ts';
import { marshal as goJsonMarshal } from '@capstan/gojson';
import { CORPUS, FIXTURES } from './helpers.ts';

const enc = new TextEncoder();
const file = (name: string, text: string): C.BufferedFile => ({ name, data: enc.encode(text) });

function tree(c: C.Chart, ind = ''): string {
  return `${ind}${c.name()}@${c.metadata.version}\n` + c.dependencies().map((d) => tree(d, `${ind}  `)).join('');
}

test('every chart of the shared corpus loads (helm-lib-chart fails validation as in Helm)', { skip: !existsSync(CORPUS) }, () => {
  const corpus = JSON.parse(readFileSync(join(CORPUS, 'CORPUS.json'), 'utf8')) as { chart: string }[];
  for (const dir of new Set(corpus.map((c) => c.chart))) {
    if (dir === 'helm-lib-chart') {
      assert.throws(() => C.loadChart(join(CORPUS, dir)), { message: 'validation: chart.metadata.type must be application or library' });
      continue;
    }
    const ch = C.loadChart(join(CORPUS, dir));
    assert.ok(ch.metadata.name !== '', dir);
  }
});

test('subchart trees of corpus charts', { skip: !existsSync(CORPUS) }, () => {
  assert.equal(
    tree(C.loadChart(join(CORPUS, 'bitnami-wordpress'))),
    'wordpress@27.0.0\n  common@2.31.4\n  mariadb@22.0.0\n    common@2.31.4\n  memcached@7.9.7\n    common@2.31.4\n',
  );
  assert.equal(
    tree(C.loadChart(join(CORPUS, 'helm-subpop'))),
    'parentchart@0.1.0\n  subchart1@0.1.0\n    subcharta@0.1.0\n    subchartb@0.1.0\n  subchart2@0.1.0\n    subchartb@0.1.0\n    subchartc@0.1.0\n',
  );
  const ch = C.loadChart(join(CORPUS, 'helm-subpop'));
  const sub = ch.dependencies()[0]!.dependencies()[0]!;
  assert.equal(sub.chartPath(), 'parentchart.subchart1.subcharta');
  assert.equal(sub.chartFullPath(), 'parentchart/charts/subchart1/charts/subcharta');
  assert.equal(sub.root(), ch);
});

test('Chart.yaml decoding: string conversions, case-insensitive keys, sanitising, .helmignore', () => {
  const ch = C.loadChart(join(FIXTURES, 'meta'));
  // what `helm template` prints for {{ toJson .Chart }} (minus the IsRoot field the engine adds)
  assert.equal(
    goJsonMarshal(C.metadataToJson(ch.metadata)),
    '{"annotations":{"bool":"false","flt":"1.5","num":"12","str":"s"},"apiVersion":"v2","appVersion":"1.1","condition":"ignored.cond","deprecated":true,"description":"line one line two tabbell","home":"https://example.com","icon":"https://icon","keywords":["a","1","true","2.5"],"kubeVersion":"\\u003e=1.20.0-0","maintainers":[{"email":"jane@example.com","name":"Jane"},{"name":"Bob","url":"https://bob"}],"name":"meta","sources":["https://s1","https://s2"],"tags":"t1,t2","type":"application","version":"1"}',
  );
  assert.deepEqual([...C.metadataToJson(ch.metadata).keys()], [
    'name', 'home', 'sources', 'version', 'description', 'keywords', 'maintainers', 'icon', 'apiVersion', 'condition',
    'tags', 'appVersion', 'deprecated', 'annotations', 'kubeVersion', 'type',
  ]);
  assert.deepEqual(ch.files.map((f) => f.name).sort(), ['.helmignore', 'crds/crd.yaml', 'crds/notes.txt', 'files/a.txt', 'files/rootonly.txt']);
  assert.deepEqual(ch.templates.map((f) => f.name), ['templates/out.yaml']);
  assert.deepEqual(ch.crds().map((f) => f.name), ['crds/crd.yaml']);
  assert.deepEqual(ch.crdObjects().map((f) => f.filename), ['meta/crds/crd.yaml']);
  assert.equal(ch.dependencies().length, 0); // charts/.hidden and charts/_skip are skipped
  assert.equal(ch.values, null);
});

test('subcharts packed as .tgz are unpacked', () => {
  const ch = C.loadChart(join(FIXTURES, 'deps'));
  const packed = ch.dependencies().find((d) => d.name() === 'packed')!;
  assert.equal(packed.metadata.version, '0.3.0');
  assert.deepEqual(packed.templates.map((t) => t.name), ['templates/p.yaml']);
  assert.deepEqual(C.toPlain(packed.values!), { packedval: true });
  assert.equal(packed.parent, ch);
});

test('loadChartFiles from memory, apiVersion v1 with requirements.yaml', () => {
  const warnings: string[] = [];
  const ch = C.loadChartFiles(
    [
      file('Chart.yaml', 'name: old\nversion: 1.0.0\n'),
      file('requirements.yaml', 'dependencies:\n- name: sub\n  version: 0.1.0\n  repository: file://sub\n'),
      file('requirements.lock', 'dependencies:\n- name: sub\n  version: 0.1.0\ndigest: abc\ngenerated: "2020-01-01T00:00:00Z"\n'),
      file('values.yaml', 'a: 1\n'),
      file('templates/a.yaml', 'x'),
      file('charts/sub/Chart.yaml', 'apiVersion: v1\nname: sub\nversion: 0.1.0\n'),
      file('charts/sub/templates/b.yaml', 'y'),
      file('charts/sub-0.1.0.tgz.prov', 'sig'),
      file('README.md', 'hi'),
    ],
    { warn: (m) => warnings.push(m) },
  );
  assert.equal(ch.metadata.apiVersion, 'v1');
  assert.deepEqual(ch.metadata.dependencies?.map((d) => d?.name), ['sub']);
  assert.equal(ch.lock?.digest, 'abc');
  assert.equal(ch.lock?.generated, '2020-01-01T00:00:00Z');
  assert.deepEqual(ch.files.map((f) => f.name), ['requirements.yaml', 'requirements.lock', 'charts/sub-0.1.0.tgz.prov', 'README.md']);
  assert.deepEqual(ch.raw.length, 9);
  assert.equal(ch.dependencies()[0]!.templates[0]!.name, 'templates/b.yaml');
  assert.deepEqual(warnings, []);

  const warnings2: string[] = [];
  const v2 = C.loadChartFiles([file('Chart.yaml', 'apiVersion: v2\nname: n\nversion: 1.0.0\n'), file('requirements.yaml', 'dependencies: []\n')], {
    warn: (m, o) => warnings2.push(`${o}: ${m}`),
  });
  assert.deepEqual(warnings2, [
    'load.go:120: Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.',
  ]);
  assert.deepEqual(v2.files, []);
});

// Error messages as helm template v3.17.2 prints them for broken charts.
const errorCases: Array<[string, Array<[string, string]>, string]> = [
  ['missing name', [['Chart.yaml', 'apiVersion: v2\nversion: 1.0.0\n']], 'validation: chart.metadata.name is required'],
  ['missing version', [['Chart.yaml', 'apiVersion: v2\nname: x\n']], 'validation: chart.metadata.version is required'],
  ['bad version', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: abc\n']], 'validation: chart.metadata.version "abc" is invalid'],
  ['leading zero prerelease', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.2.3-01\n']], 'validation: chart.metadata.version "1.2.3-01" is invalid'],
  ['name with slash', [['Chart.yaml', 'apiVersion: v2\nname: a/b\nversion: 1.0.0\n']], 'validation: chart.metadata.name "a/b" is invalid'],
  ['bad type', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ntype: foo\n']], 'validation: chart.metadata.type must be application or library'],
  ['null maintainer', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [~]\n']], 'validation: maintainers must not contain empty or null nodes'],
  ['maintainers not a list', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: foo\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.maintainers of type []*chart.Maintainer'],
  ['maintainer name a list', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [{name: [1]}]\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field Maintainer.maintainers.name of type string'],
  ['deprecated a string', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ndeprecated: "true"\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool'],
  ['annotation a map', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\nannotations: {a: {b: 1}}\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field Metadata.annotations of type string'],
  ['null dependency', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [~]\n']], 'validation: dependencies must not contain empty or null nodes'],
  ['bad alias', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a, alias: "b c"}]\n']],
    'validation: dependency "a" has disallowed characters in the alias'],
  ['duplicate alias', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a}, {name: b, alias: a}]\n']],
    'validation: more than one dependency with name or alias "a"'],
  ['tags a string', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies: [{name: a, tags: foo}]\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Dependency.dependencies.tags of type []string'],
  ['Chart.yaml a list', [['Chart.yaml', '- a\n- b\n']],
    'cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chart.Metadata'],
  ['values.yaml a list', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'], ['values.yaml', '- 1\n']],
    'cannot load values.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}'],
  ['Chart.lock garbage', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'], ['Chart.lock', 'x']],
    'cannot load Chart.lock: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type chart.Lock'],
  ['stray file in charts/', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'], ['charts/README.md', 'hi']],
    'error unpacking subchart README.md in x: Chart.yaml file is missing'],
  ['bad .tgz in charts/', [['Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'], ['charts/bad.tgz', 'notgz\n']],
    'error unpacking subchart bad.tgz in x: unexpected EOF'],
  ['no Chart.yaml', [['values.yaml', 'a: 1\n']], 'Chart.yaml file is missing'],
];

for (const [name, files, message] of errorCases) {
  test(`load error: ${name}`, () => {
    assert.throws(() => C.loadChartFiles(files.map(([n, t]) => file(n, t))), { message });
  });
}

test('valid odd versions and requirements.yaml overriding Chart.yaml fields', () => {
  assert.equal(C.loadChartFiles([file('Chart.yaml', 'apiVersion: v2\nname: x\nversion: v1.2.3-rc.1+build\n')]).metadata.version, 'v1.2.3-rc.1+build');
  const ch = C.loadChartFiles([file('Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'), file('requirements.yaml', 'name: other\n')]);
  assert.equal(ch.name(), 'other');
  // YAML 1.1: `y` is a bool, and bools headed for string fields become "true"
  assert.equal(C.loadChartFiles([file('Chart.yaml', 'apiVersion: v2\nname: y\nversion: 1.0.0\n')]).name(), 'true');
});

function tarEntry(name: string, data: string, type = '0'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(Buffer.byteLength(data).toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([h, body]);
}

function tgz(entries: Buffer[]): Uint8Array {
  return gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
}

test('archives: top-level folder stripped, BOM trimmed, path checks', () => {
  const ok = tgz([
    tarEntry('mychart/', '', '5'),
    tarEntry('mychart/Chart.yaml', '\uFEFFapiVersion: v2\nname: mychart\nversion: 0.1.0\n'),
    tarEntry('mychart/templates/x.yaml', 'x: 1'),
  ]);
  const ch = C.loadChartArchive(ok);
  assert.equal(ch.name(), 'mychart');
  assert.deepEqual(ch.templates.map((t) => t.name), ['templates/x.yaml']);

  assert.throws(() => C.loadArchiveFiles(tgz([tarEntry('Chart.yaml', 'x')])), {
    message: 'chart illegally contains content outside the base directory: "Chart.yaml"',
  });
  assert.throws(() => C.loadArchiveFiles(tgz([tarEntry('a/../../etc/passwd', 'x')])), { message: 'chart illegally references parent directory' });
  assert.throws(() => C.loadArchiveFiles(tgz([tarEntry('a//etc/passwd', 'x')])), { message: 'chart illegally contains absolute paths' });
  assert.throws(() => C.loadArchiveFiles(tgz([])), { message: 'no files in chart archive' });
});

test('loadChart on a .tgz path and on non-archives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-tgz-'));
  try {
    const p = join(dir, 'c.tgz');
    writeFileSync(p, tgz([tarEntry('c/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 0.1.0\n')]));
    assert.equal(C.loadChart(p).name(), 'c');
    writeFileSync(join(dir, 'v.yaml'), 'a: 1\n');
    assert.throws(() => C.loadChart(join(dir, 'v.yaml')), { message: `file '${join(dir, 'v.yaml')}' seems to be a YAML file, but expected a gzipped archive` });
    writeFileSync(join(dir, 'n.tgz'), 'not a chart\n');
    assert.throws(() => C.loadChart(join(dir, 'n.tgz')), {
      message: `file '${join(dir, 'n.tgz')}' does not appear to be a gzipped archive; got 'application/octet-stream'`,
    });
    assert.throws(() => C.loadChart(join(dir, 'missing')), { message: `stat ${join(dir, 'missing')}: no such file or directory` });
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd/Chart.yaml'), 'apiVersion: v2\nname: d\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'd/.helmignore'), '**/x\n');
    assert.throws(() => C.loadChart(join(dir, 'd')), { message: 'double-star (**) syntax is not supported' });
    writeFileSync(join(dir, 'd/.helmignore'), '!keep.txt\n');
    assert.throws(() => C.loadChart(join(dir, 'd')), { message: 'Chart.yaml file is missing' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
