/** strconv.FormatFloat(x, 'g', -1, 32|64) (@capstan/strconv) as Go prints it and as the chart layer uses it (values checked with Go 1.23). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFloat } from '@capstan/strconv';
import { loadChart } from '../../../src/chart/loader.ts';

test('formatFloat g -1: shortest digits, the closest of them, ties to even (float32 and float64)', () => {
  const rows: Array<[number, 32 | 64, string]> = [
    [-1813723.25, 32, '-1.8137232e+06'],
    [199469.12772280155, 32, '199469.12'],
    [519366.63507459045, 32, '519366.62'],
    [1988824.251041643, 32, '1.9888242e+06'],
    [0.1, 32, '0.1'],
    [16777216, 32, '1.6777216e+07'],
    [3.4028234663852886e38, 32, '3.4028235e+38'],
    [1.401298464324817e-45, 32, '1e-45'],
    [1 / 3, 32, '0.33333334'],
    [1e21, 64, '1e+21'],
    [123456, 64, '123456'],
    [1234567, 64, '1.234567e+06'],
    [0.0001, 64, '0.0001'],
    [0.00001, 64, '1e-05'],
    [-0, 64, '-0'],
    [NaN, 32, 'NaN'],
    [-Infinity, 64, '-Inf'],
  ];
  for (const [x, bits, want] of rows) assert.equal(formatFloat(x, 'g', -1, bits), want, `${x}/${bits}`);
});

test('a float in a string field of Chart.yaml reads as Helm prints it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gofmt-'));
  try {
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: fc\nversion: 0.1.0\nappVersion: 1813723.25\ndescription: 519366.63507459045\n');
    const c = loadChart(dir);
    // helm template prints `{{ .Chart.AppVersion }} {{ .Chart.Description }}` as `1.8137232e+06 519366.62`
    assert.equal(c.metadata.appVersion, '1.8137232e+06');
    assert.equal(c.metadata.description, '519366.62');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
