import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { IndexScanUnsupported, IndexScanner, parseIndexDocument, type IndexScan } from '../../../src/source/helm-repository/index.ts';

/** Feeds `text` in pieces of `size` characters. */
function scan(text: string, wanted: string[], size = text.length + 1): IndexScan {
  const s = new IndexScanner(wanted);
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
  return s.end();
}

const plain = (r: IndexScan): unknown => ({ ...r, entries: Object.fromEntries(r.entries) });

// The shape Helm itself writes (go-yaml: list dashes at the key's indentation), with the awkward parts a real
// index has: block scalars holding dashes and '#', multi-line plain scalars, quoted names, comments, CRLF.
const helmStyle = `apiVersion: v1
entries:
  alpine:
  - annotations:
      images: |
        - name: alpine
          image: alpine:3
        # not a comment inside a block scalar
    apiVersion: v2
    appVersion: 1.10
    created: "2024-01-02T03:04:05.123456789Z"
    description: A plain scalar
      that goes on over two lines
    digest: 515c58e5f79d8b2913a10cb400ebb6fa9c77fe813287afbacf1a0b897cd78727
    name: alpine
    urls:
    - alpine-0.2.0.tgz
    version: 0.2.0
  - apiVersion: v1
    name: alpine
    urls:
    - https://example.invalid/alpine-0.1.0.tgz
    version: 0.1.0
  # a comment between charts
  "quoted-chart": # trailing comment
  - name: quoted-chart
    version: 1.0.0
    urls: [q.tgz]
  skipped:
  - name: skipped
    version: 9.9.9
generated: "2024-01-02T03:04:05Z"
`;

test('scanner keeps only the wanted charts, with compact entries', () => {
  const r = scan(helmStyle, ['alpine', 'quoted-chart', 'absent']);
  assert.equal(r.apiVersion, 'v1');
  assert.equal(r.generated, '2024-01-02T03:04:05Z');
  assert.equal(r.chartCount, 3);
  assert.equal(r.versionCount, 4);
  assert.deepEqual([...r.entries.keys()], ['alpine', 'quoted-chart']);
  assert.deepEqual(r.entries.get('alpine'), [
    {
      name: 'alpine', version: '0.2.0', urls: ['alpine-0.2.0.tgz'], appVersion: '1.10',
      digest: '515c58e5f79d8b2913a10cb400ebb6fa9c77fe813287afbacf1a0b897cd78727',
      created: '2024-01-02T03:04:05.123456789Z', apiVersion: 'v2',
    },
    { name: 'alpine', version: '0.1.0', urls: ['https://example.invalid/alpine-0.1.0.tgz'], apiVersion: 'v1' },
  ]);
  assert.deepEqual(r.entries.get('quoted-chart'), [{ name: 'quoted-chart', version: '1.0.0', urls: ['q.tgz'], apiVersion: 'v1' }]);
});

test('scanner gives the same result for every chunking, down to one character at a time', () => {
  const whole = plain(scan(helmStyle, ['alpine', 'quoted-chart']));
  for (const size of [1, 2, 3, 5, 7, 13, 64]) {
    assert.deepEqual(plain(scan(helmStyle, ['alpine', 'quoted-chart'], size)), whole, `chunks of ${size}`);
  }
});

test('scanner reads CRLF line ends and a byte order mark', () => {
  const crlf = `\uFEFF${helmStyle.replaceAll('\n', '\r\n')}`;
  assert.deepEqual(plain(scan(crlf, ['alpine', 'quoted-chart'], 7)), plain(scan(helmStyle, ['alpine', 'quoted-chart'])));
});

test('scanner reads lists indented under the chart name (chartmuseum, Python writers)', () => {
  const indented = `apiVersion: v1
generated: "2024"
entries:
    nginx:
        -   name: nginx
            version: 1.0.0
            urls:
                - nginx-1.0.0.tgz
        -
            name: nginx
            version: 2.0.0
    empty: []
    other:
        - name: other
          version: 1.0.0
`;
  const r = scan(indented, ['nginx', 'empty']);
  assert.deepEqual(r.entries.get('nginx')?.map((e) => [e.version, e.urls]), [['1.0.0', ['nginx-1.0.0.tgz']], ['2.0.0', []]]);
  assert.deepEqual(r.entries.get('empty'), []);
  assert.equal(r.chartCount, 3);
});

test('scanner agrees with a full YAML parse on the wanted entries', () => {
  const full = parse(helmStyle) as { entries: Record<string, { version: string; urls: string[] }[]> };
  const r = scan(helmStyle, ['alpine']);
  assert.deepEqual(r.entries.get('alpine')?.map((e) => [e.version, e.urls]), full.entries['alpine']?.map((e) => [e.version, e.urls]));
});

test('scanner drops entries Helm would drop, and says why', () => {
  const text = `apiVersion: v1
entries:
  bad:
  - name: bad
    version: not-semver
  - version: 1.0.0
  - name: bad
    version: 1.0.0
    type: plugin
  - name: bad
    version: 1.2.0
`;
  const r = scan(text, ['bad']);
  assert.deepEqual(r.entries.get('bad')?.map((e) => e.version), ['1.2.0']);
  assert.equal(r.skipped.length, 3);
  assert.match(r.skipped[0] ?? '', /bad \(line 4\): validation: chart.metadata.version "not-semver" is invalid/);
  assert.match(r.skipped[1] ?? '', /chart.metadata.name is required/);
  assert.match(r.skipped[2] ?? '', /type must be application or library/);
});

test('scanner skips top-level keys it does not need, lists at column 0 included', () => {
  const text = `serverInfo:
  contextPath: /v1/helm
publicKeys:
- abc
- def
apiVersion: v1
entries:
  a:
  - name: a
    version: 1.0.0
annotations:
  x: y
`;
  const r = scan(text, ['a']);
  assert.equal(r.apiVersion, 'v1');
  assert.equal(r.entries.get('a')?.length, 1);
});

const unsupported: [string, string, RegExp][] = [
  ['flow-style entries', 'apiVersion: v1\nentries: {a: [{name: a, version: 1.0.0}]}\n', /entries is not a block mapping/],
  ['flow-style versions', 'apiVersion: v1\nentries:\n  a: [{name: a, version: 1.0.0}]\n', /versions in flow style/],
  ['a mapping where the version list belongs', 'apiVersion: v1\nentries:\n  a:\n    name: a\n', /not a block list/],
  ['an alias into a wanted block', 'apiVersion: v1\nentries:\n  a:\n  - name: a\n    version: *v\n', /chart "a"/],
  ['JSON', '{"apiVersion": "v1", "entries": {}}\n', /expected "key:"/],
];

for (const [name, text, message] of unsupported) {
  test(`scanner refuses ${name} (the caller then parses the whole document)`, () => {
    assert.throws(() => scan(text, ['a']), (e: unknown) => e instanceof IndexScanUnsupported && message.test(e.message));
  });
}

test('the whole-document path reads JSON and flow-style indexes into the same compact shape', () => {
  const json = JSON.stringify({ apiVersion: 'v1', entries: { a: [{ name: 'a', version: '1.0.0', urls: ['a.tgz'], digest: 'ab' }], b: [] } });
  const r = parseIndexDocument(json, ['a']);
  assert.equal(r.apiVersion, 'v1');
  assert.equal(r.chartCount, 2);
  assert.deepEqual(r.entries.get('a'), [{ name: 'a', version: '1.0.0', urls: ['a.tgz'], digest: 'ab', apiVersion: 'v1' }]);
  const flow = parseIndexDocument('apiVersion: v1\nentries: {a: [{name: a, version: 1.0.0}]}\n', ['a']);
  assert.equal(flow.entries.get('a')?.[0]?.version, '1.0.0');
});
