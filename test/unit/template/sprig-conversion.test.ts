/**
 * Sprig's conversion functions: atoi (strconv.Atoi, errors ignored), int/int64/float64
 * (spf13/cast v1.7.0: base-0 ParseInt after trimming a zero fraction, float64 truncation with
 * amd64's out-of-range result, 0 for anything unconvertible), toDecimal (octal digits of
 * fmt.Sprint) and toString (strval). Expected values are Sprig v3.3.0's output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conversionFuncs } from '../../../src/template/funcs/conversion.ts';
import { GoNumber, int64 } from '../../../src/template/value.ts';
import { runTable, type Row } from './sprig-table.ts';

const i64 = int64;

const rows: Row[] = [
  ["atoi", ["42"], 42n],
  ["atoi", ["x"], 0n],
  ["atoi", [""], 0n],
  ["atoi", ["99999999999999999999"], 9223372036854775807n],
  ["atoi", ["-99999999999999999999"], -9223372036854775808n],
  ["atoi", ["0x10"], 0n],
  ["atoi", ["+7"], 7n],
  ["atoi", ["-7"], -7n],
  ["atoi", ["08"], 8n],
  ["atoi", ["1_000"], 0n],
  ["atoi", [" 1"], 0n],
  ["atoi", ["9223372036854775807"], 9223372036854775807n],
  ["int", ["42"], 42n],
  ["int64", ["42"], i64(42n)],
  ["int", ["x"], 0n],
  ["int64", ["x"], i64(0n)],
  ["int", ["0x1F"], 31n],
  ["int64", ["0x1F"], i64(31n)],
  ["int", ["010"], 8n],
  ["int64", ["010"], i64(8n)],
  ["int", ["08"], 0n],
  ["int64", ["08"], i64(0n)],
  ["int", ["0b101"], 5n],
  ["int64", ["0b101"], i64(5n)],
  ["int", ["0o17"], 15n],
  ["int64", ["0o17"], i64(15n)],
  ["int", ["1e3"], 0n],
  ["int64", ["1e3"], i64(0n)],
  ["int", ["1.0"], 1n],
  ["int64", ["1.0"], i64(1n)],
  ["int", ["10.00"], 10n],
  ["int64", ["10.00"], i64(10n)],
  ["int", ["1.5"], 0n],
  ["int64", ["1.5"], i64(0n)],
  ["int", ["-0"], 0n],
  ["int64", ["-0"], i64(0n)],
  ["int", ["1_000"], 1000n],
  ["int64", ["1_000"], i64(1000n)],
  ["int", ["_1"], 0n],
  ["int64", ["_1"], i64(0n)],
  ["int", ["9223372036854775808"], 0n],
  ["int64", ["9223372036854775808"], i64(0n)],
  ["int", ["12345678901234567890"], 0n],
  ["int64", ["12345678901234567890"], i64(0n)],
  ["int", ["1."], 0n],
  ["int64", ["1."], i64(0n)],
  ["int", ["true"], 0n],
  ["int64", ["true"], i64(0n)],
  ["int", [4.9], 4n],
  ["int64", [4.9], i64(4n)],
  ["int", [-4.9], -4n],
  ["int64", [-4.9], i64(-4n)],
  ["int", [10000000000000000000], -9223372036854775808n],
  ["int64", [10000000000000000000], i64(-9223372036854775808n)],
  ["int", [-10000000000000000000], -9223372036854775808n],
  ["int64", [-10000000000000000000], i64(-9223372036854775808n)],
  ["int", [100000000000000000000], -9223372036854775808n],
  ["int64", [100000000000000000000], i64(-9223372036854775808n)],
  ["int", [0], 0n],
  ["int64", [0], i64(0n)],
  ["int", [2.5], 2n],
  ["int64", [2.5], i64(2n)],
  ["int", [true], 1n],
  ["int64", [true], i64(1n)],
  ["float64", [true], 1],
  ["int", [false], 0n],
  ["int64", [false], i64(0n)],
  ["float64", [false], 0],
  ["int", [null], 0n],
  ["int64", [null], i64(0n)],
  ["float64", [null], 0],
  ["int", [42n], 42n],
  ["int64", [42n], i64(42n)],
  ["float64", [42n], 42],
  ["int", [i64(7n)], 7n],
  ["int64", [i64(7n)], i64(7n)],
  ["float64", [i64(7n)], 7],
  ["int", [new GoNumber("uint64", 5n)], 5n],
  ["int64", [new GoNumber("uint64", 5n)], i64(5n)],
  ["float64", [new GoNumber("uint64", 5n)], 5],
  ["int", [[1n]], 0n],
  ["int64", [[1n]], i64(0n)],
  ["float64", [[1n]], 0],
  ["int", [new Map([])], 0n],
  ["int64", [new Map([])], i64(0n)],
  ["float64", [new Map([])], 0],
  ["float64", ["3.5"], 3.5],
  ["float64", ["x"], 0],
  ["float64", ["0x10"], 0],
  ["float64", ["NaN"], NaN],
  ["float64", ["nan"], NaN],
  ["float64", ["-Inf"], -Infinity],
  ["float64", ["+inf"], Infinity],
  ["float64", ["infinity"], Infinity],
  ["float64", ["1_000"], 1000],
  ["float64", ["-0"], Number("-0")],
  ["float64", ["1e400"], 0],
  ["float64", ["1e-400"], 0],
  ["float64", ["0x1p4"], 16],
  ["float64", ["0x1.8p1"], 3],
  ["float64", ["0x10"], 0],
  ["float64", [".5"], 0.5],
  ["float64", ["5."], 5],
  ["float64", ["1e"], 0],
  ["float64", ["1.7976931348623157e308"], 1.7976931348623157e+308],
  ["float64", [" 1"], 0],
  ["float64", [2.5], 2.5],
  ["float64", [-0], -0],
  ["toDecimal", ["0777"], i64(511n)],
  ["toDecimal", ["777"], i64(511n)],
  ["toDecimal", ["9"], i64(0n)],
  ["toDecimal", ["0o17"], i64(0n)],
  ["toDecimal", ["-17"], i64(-15n)],
  ["toDecimal", [""], i64(0n)],
  ["toDecimal", ["17.0"], i64(0n)],
  ["toDecimal", [777n], i64(511n)],
  ["toDecimal", [8n], i64(0n)],
  ["toString", ["lit"], "lit"],
  ["toString", [42n], "42"],
  ["toString", [true], "true"],
  ["toString", [null], "<nil>"],
  ["toString", [new Uint8Array([120])], "x"],
  ["toString", [i64(7n)], "7"],
  // From the Helm conformance cases.
  ["int", ["1e3"], 0n],
  ["atoi", ["0x10"], 0n],
  ["int64", [1e19], i64(-9223372036854775808n)],
  ["float64", ["1_000"], 1000],
  ["toString", [1e6], "1e+06"],
  ["toString", [1.5], "1.5"],
  ["toString", [1e21], "1e+21"],
];

runTable('sprig conversion functions', conversionFuncs, rows);

describe('sprig conversion signatures', () => {
  it('takes interface {} and returns the Go result type', () => {
    const f = conversionFuncs;
    const toString = f['to' + 'String']!;
    assert.deepEqual([f.atoi!.params, f.atoi!.result], [['string'], 'int']);
    assert.deepEqual([f.int!.params, f.int!.result], [['interface {}'], 'int']);
    assert.deepEqual([f.int64!.params, f.int64!.result], [['interface {}'], 'int64']);
    assert.deepEqual([f.float64!.params, f.float64!.result], [['interface {}'], 'float64']);
    assert.deepEqual([f.toDecimal!.params, f.toDecimal!.result], [['interface {}'], 'int64']);
    assert.deepEqual([toString.params, toString.result], [['interface {}'], 'string']);
  });
  it('float32 values convert through their float value', () => {
    const ctx = { templateName: 't', charge(): void {} };
    assert.equal(conversionFuncs.int!.fn([new GoNumber('float32', 2.5)], ctx), 2n);
    assert.equal(conversionFuncs.float64!.fn([new GoNumber('float32', 0.5)], ctx), 0.5);
  });
});
