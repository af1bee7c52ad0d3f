/**
 * Generates a large, realistic chart repository index (the shape Helm writes: go-yaml style, sequences not
 * indented under their key, every field a big public repository carries) for memory tests and benchmarks.
 * Deterministic: the same options give the same bytes.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface LargeIndexOptions {
  /** stop adding charts once the file reaches this size (default 26 MB) */
  readonly targetBytes?: number;
  readonly versionsPerChart?: number;
  /** an extra chart put in the middle of the index, with these versions */
  readonly wanted?: { readonly name: string; readonly versions: readonly string[] };
}

export interface LargeIndexInfo {
  readonly bytes: number;
  readonly charts: number;
  readonly versions: number;
}

function hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function entry(name: string, version: string, i: number): string {
  return `  - annotations:
      category: Infrastructure
      images: |
        - name: ${name}
          image: registry.example.invalid/${name}:${version}
      licenses: Apache-2.0
    apiVersion: v2
    appVersion: ${version}
    created: "2024-05-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00.123456789Z"
    dependencies:
    - condition: common.enabled
      name: common
      repository: oci://registry.example.invalid/charts
      tags:
      - common
      version: 2.x.x
    description: Generated chart ${name} for large index tests; it carries the fields a big public repository
      index has, so that the size per entry is realistic.
    digest: ${hex(`${name}-${version}`)}
    home: https://example.invalid/charts/${name}
    icon: https://example.invalid/icons/${name}.png
    keywords:
    - generated
    - benchmark
    maintainers:
    - name: Capstan
      url: https://example.invalid
    name: ${name}
    sources:
    - https://example.invalid/src/${name}
    urls:
    - https://example.invalid/charts/${name}-${version}.tgz
    version: ${version}
`;
}

/** Writes the index to `path`. */
export async function writeLargeIndex(path: string, opts: LargeIndexOptions = {}): Promise<LargeIndexInfo> {
  const target = opts.targetBytes ?? 26_000_000;
  const per = opts.versionsPerChart ?? 20;
  const out = createWriteStream(path);
  let bytes = 0;
  let charts = 0;
  let versions = 0;
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('apiVersion: v1\nentries:\n');
  let wantedDone = opts.wanted === undefined;
  for (let c = 0; bytes < target; c++) {
    if (!wantedDone && bytes >= target / 2 && opts.wanted !== undefined) {
      await write(`  ${opts.wanted.name}:\n`);
      for (const [i, v] of opts.wanted.versions.entries()) await write(entry(opts.wanted.name, v, i));
      charts++;
      versions += opts.wanted.versions.length;
      wantedDone = true;
    }
    const name = `chart-${String(c).padStart(5, '0')}`;
    await write(`  ${name}:\n`);
    for (let v = per - 1; v >= 0; v--) await write(entry(name, `${1 + Math.floor(v / 10)}.${v % 10}.${c % 7}`, v));
    charts++;
    versions += per;
  }
  await write('generated: "2024-05-01T12:00:00.123456789Z"\n');
  out.end();
  await once(out, 'finish');
  return { bytes, charts, versions };
}
