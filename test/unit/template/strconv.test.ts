import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  atoi, canBackquote, formatFloat, formatInt, formatUint, NumError, parseFloat, parseInt, parseUint, quote,
  quoteRune, quoteRuneToASCII, quoteToASCII, quoteToGraphic, tryParseFloat, tryParseInt, tryParseUint, unquote,
} from '../../../src/template/fmt/index.ts';
import { exactShortest64, utf8Decode } from '@capstan/strconv';

/** A Go string: plain, or {s: hex bytes} when it is not valid UTF-8. */
type Str = string | { s: string };
function str(v: Str): string {
  return typeof v === 'string' ? v : utf8Decode(Uint8Array.from(Buffer.from(v.s, 'hex')));
}

function failure(fn: () => unknown): NumError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NumError) return e;
    throw e;
  }
  assert.fail('expected a NumError');
}

test('FormatFloat: Go ftoa_test.go table (64 and, where exact, 32 bits)', () => {
  for (const [fs, fmt, prec, want] of FTOA_TESTS) {
    const f = Number(fs);
    assert.equal(formatFloat(f, fmt, prec, 64), want, `FormatFloat(${fs}, '${fmt}', ${prec}, 64)`);
    if (Math.fround(f) === f && fmt !== 'b' && f !== 5.960464477539063e-08 && !Number.isNaN(f)) {
      assert.equal(formatFloat(f, fmt, prec, 32), want, `FormatFloat(${fs}, '${fmt}', ${prec}, 32)`);
    }
  }
});

test('FormatFloat: float32 shortest and rounding at every precision', () => {
  const cases: [number, string, number, string][] = [
    [0.1, 'g', -1, '0.1'], [16777216, 'g', -1, '1.6777216e+07'], [3.4028234663852886e38, 'g', -1, '3.4028235e+38'],
    [1.401298464324817e-45, 'g', -1, '1e-45'], [1.1754943508222875e-38, 'e', -1, '1.1754944e-38'],
    [0.3, 'f', -1, '0.3'], [1 / 3, 'g', -1, '0.33333334'], [1 / 3, 'e', 10, '3.3333334327e-01'],
    [2 ** 24 + 2, 'f', 2, '16777218.00'], [1e10, 'g', -1, '1e+10'], [9.999999e-7, 'g', -1, '9.999999e-07'],
  ];
  for (const [f, fmt, prec, want] of cases) assert.equal(formatFloat(f, fmt, prec, 32), want, `${f} ${fmt} ${prec}`);
});

test('FormatFloat: exact expansion and round-half-even on the exact binary value', () => {
  assert.equal(formatFloat(0.1, 'f', 30, 64), '0.100000000000000005551115123126');
  assert.equal(formatFloat(2.5, 'f', 0, 64), '2');
  assert.equal(formatFloat(3.5, 'f', 0, 64), '4');
  assert.equal(formatFloat(0.5, 'f', 0, 64), '0');
  assert.equal(formatFloat(1.5, 'f', 0, 64), '2');
  assert.equal(formatFloat(0.05, 'f', 1, 64), '0.1');
  assert.equal(formatFloat(0.15, 'f', 1, 64), '0.1');
  assert.equal(formatFloat(0.25, 'f', 1, 64), '0.2');
  assert.equal(formatFloat(1.005, 'f', 2, 64), '1.00');
  assert.equal(formatFloat(1e23, 'e', 25, 64), '9.9999999999999991611392000e+22');
  assert.equal(formatFloat(5e-324, 'e', 60, 64), '4.940656458412465441765687928682213723650598026143247644255857e-324');
  assert.equal(formatFloat(2 ** 70, 'f', -1, 64), '1180591620717411300000');
  assert.equal(formatFloat(2 ** 70, 'f', 0, 64), '1180591620717411303424');
  assert.equal(formatFloat(1.7976931348623157e308, 'f', 0, 64).length, 309);
  const tiny = formatFloat(5e-324, 'f', 1100, 64);
  assert.equal(tiny.length, 1102);
  assert.ok(tiny.startsWith('0.' + '0'.repeat(323) + '4940656458412465441765687928682213723650598026143247644255856825'));
  assert.equal(formatFloat(123456789, 'g', 3, 64), '1.23e+08');
  assert.equal(formatFloat(1, 'g', 3, 64), '1');
  assert.equal(formatFloat(100, 'g', 3, 64), '100');
  assert.equal(formatFloat(1000, 'g', 3, 64), '1e+03');
  assert.equal(formatFloat(1, 'z', -1, 64), '%z');
});

test('FormatFloat: the shortest digits agree with Go\'s exact algorithm', () => {
  // formatFloat uses Number#toExponential() for float64 shortest digits; check it against the
  // exact big-decimal algorithm on awkward values (powers of two, boundaries, subnormals, random bits).
  const view = new DataView(new ArrayBuffer(8));
  const values: number[] = [5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 2 ** -1022, 2 ** 1023, 9007199254740993, 0.1, 1e23, 8.41e21, 5.0e-324 * 3];
  for (let e = -1074; e <= 1023; e += 7) values.push(2 ** e);
  let seed = 7;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    view.setUint32(0, seed & 0x7fefffff);
    seed = (seed * 1103515245 + 12345) >>> 0;
    view.setUint32(4, seed);
    values.push(view.getFloat64(0));
  }
  for (const f of values) {
    if (!Number.isFinite(f) || f === 0) continue;
    const { d, dp } = exactShortest64(f);
    const viaJs = formatFloat(f, 'e', -1, 64);
    const exact = d[0] + (d.length > 1 ? '.' + d.slice(1) : '') + 'e' + (dp - 1 < 0 ? '-' : '+') + String(Math.abs(dp - 1)).padStart(2, '0');
    assert.equal(viaJs, exact, String(f));
  }
});

test('FormatFloat: %b and hexadecimal formats', () => {
  assert.equal(formatFloat(3.14, 'b', -1, 64), '7070651414971679p-51');
  assert.equal(formatFloat(42, 'x', -1, 64), '0x1.5p+05');
  assert.equal(formatFloat(1e6, 'x', -1, 64), '0x1.e848p+19');
  assert.equal(formatFloat(3.14, 'X', -1, 64), '0X1.91EB851EB851FP+01');
  assert.equal(formatFloat(1, 'x', 0, 64), '0x1p+00');
  assert.equal(formatFloat(1.5, 'x', 0, 64), '0x1p+01');
  assert.equal(formatFloat(-0, 'x', -1, 64), '-0x0p+00');
  assert.equal(formatFloat(5e-324, 'x', -1, 64), '0x1p-1074');
  assert.equal(formatFloat(1, 'x', -1, 32), '0x1p+00');
});

test('ParseFloat: Go atof_test.go table', () => {
  for (const [inS, want, err, bits] of ATOF_TESTS) {
    const s = str(inS);
    let got: number;
    let gotErr = '';
    try {
      got = parseFloat(s, bits);
    } catch (e) {
      assert.ok(e instanceof NumError);
      got = Number(e.value);
      gotErr = e.err;
      assert.equal(e.message, `strconv.ParseFloat: parsing ${quote(s)}: ${e.err}`);
    }
    assert.equal(formatFloat(got, 'g', -1, bits), want, `ParseFloat(${JSON.stringify(s)}, ${bits})`);
    assert.equal(gotErr, err, `ParseFloat(${JSON.stringify(s)}, ${bits}) error`);
  }
});

test('ParseFloat: syntax and errors', () => {
  assert.equal(parseFloat('1_000.5'), 1000.5);
  assert.equal(parseFloat('0x1p-2'), 0.25);
  assert.equal(parseFloat('0X1.8P+1'), 3);
  assert.equal(parseFloat('-Infinity'), -Infinity);
  assert.equal(parseFloat('+inf'), Infinity);
  assert.ok(Number.isNaN(parseFloat('nAn')));
  assert.equal(parseFloat('.5'), 0.5);
  assert.equal(parseFloat('5.'), 5);
  assert.equal(parseFloat('1e-400'), 0);
  assert.equal(parseFloat('3.4028235e38', 32), 3.4028234663852886e38);
  assert.equal(parseFloat('1' + '0'.repeat(400) + 'e-400'), 1);
  assert.equal(parseFloat('0.' + '0'.repeat(500) + '1e501'), 1);
  assert.equal(failure(() => parseFloat('x')).message, 'strconv.ParseFloat: parsing "x": invalid syntax');
  assert.equal(failure(() => parseFloat('')).message, 'strconv.ParseFloat: parsing "": invalid syntax');
  assert.equal(failure(() => parseFloat(' 1')).message, 'strconv.ParseFloat: parsing " 1": invalid syntax');
  assert.equal(failure(() => parseFloat('1__0')).message, 'strconv.ParseFloat: parsing "1__0": invalid syntax');
  assert.equal(failure(() => parseFloat('0x1')).message, 'strconv.ParseFloat: parsing "0x1": invalid syntax');
  assert.equal(failure(() => parseFloat('+nan')).message, 'strconv.ParseFloat: parsing "+nan": invalid syntax');
  const range = failure(() => parseFloat('1e400'));
  assert.equal(range.message, 'strconv.ParseFloat: parsing "1e400": value out of range');
  assert.equal(range.value, Infinity);
  assert.equal(failure(() => parseFloat('-1e39', 32)).value, -Infinity);
});

test('ParseInt / ParseUint agree with Go', () => {
  for (const [fn, s, base, bits, want, err] of PARSE_INT_TESTS) {
    const call = fn === 'ParseInt' ? () => parseInt(s, base, bits) : () => parseUint(s, base, bits);
    const label = `${fn}(${JSON.stringify(s)}, ${base}, ${bits})`;
    if (err === '') {
      assert.equal(call().toString(), want, label);
    } else {
      const e = failure(call);
      assert.equal(e.message, err, label);
      assert.equal(e.value.toString(), want, label + ' value');
    }
  }
});

test('tryParseInt / tryParseUint / tryParseFloat: the value and error Go returns, without a throw', () => {
  // Go returns 0 with a syntax error and the clamped value with a range error.
  assert.deepEqual(tryParseInt('0x1F', 0, 64), { n: 31n });
  assert.deepEqual(tryParseInt('1_000', 0, 64), { n: 1000n });
  assert.deepEqual(tryParseInt('1_000', 10, 64), { n: 0n, err: 'invalid syntax' });
  assert.deepEqual(tryParseInt('9223372036854775808', 10, 64), { n: 9223372036854775807n, err: 'value out of range' });
  assert.deepEqual(tryParseInt('-9223372036854775809', 0, 0), { n: -9223372036854775808n, err: 'value out of range' });
  assert.deepEqual(tryParseInt('129', 10, 8), { n: 127n, err: 'value out of range' });
  assert.deepEqual(tryParseInt('', 10, 64), { n: 0n, err: 'invalid syntax' });
  assert.deepEqual(tryParseInt('7', 1, 64), { n: 0n, err: 'invalid base 1' });
  assert.deepEqual(tryParseUint('-1', 0, 64), { n: 0n, err: 'invalid syntax' });
  assert.deepEqual(tryParseUint('18446744073709551616', 0, 64), { n: 18446744073709551615n, err: 'value out of range' });
  assert.deepEqual(tryParseUint('0b101', 0, 64), { n: 5n });
  assert.deepEqual(tryParseFloat('1e400'), { value: Infinity, err: 'value out of range' });
  assert.deepEqual(tryParseFloat('-1e400'), { value: -Infinity, err: 'value out of range' });
  assert.deepEqual(tryParseFloat('1.5x'), { value: 0, err: 'invalid syntax' });
  assert.deepEqual(tryParseFloat('0x1.8p1'), { value: 3 });
  assert.deepEqual(tryParseFloat('3.4028236e38', 32), { value: Infinity, err: 'value out of range' });
  assert.deepEqual(tryParseFloat('1e-50'), { value: 1e-50 });
});

test('Atoi, FormatInt, FormatUint', () => {
  assert.equal(atoi('42'), 42n);
  assert.equal(atoi('-42'), -42n);
  assert.equal(atoi('+7'), 7n);
  assert.equal(atoi('999999999999999999'), 999999999999999999n);
  assert.equal(atoi('9223372036854775807'), 9223372036854775807n);
  assert.equal(failure(() => atoi('')).message, 'strconv.Atoi: parsing "": invalid syntax');
  assert.equal(failure(() => atoi('-')).message, 'strconv.Atoi: parsing "-": invalid syntax');
  assert.equal(failure(() => atoi('1.5')).message, 'strconv.Atoi: parsing "1.5": invalid syntax');
  assert.equal(failure(() => atoi('0x10')).message, 'strconv.Atoi: parsing "0x10": invalid syntax');
  assert.equal(failure(() => atoi('9223372036854775808')).message, 'strconv.Atoi: parsing "9223372036854775808": value out of range');
  assert.equal(failure(() => atoi('é')).message, 'strconv.Atoi: parsing "é": invalid syntax');
  assert.equal(formatInt(-255n, 16), '-ff');
  assert.equal(formatInt(35n, 36), 'z');
  assert.equal(formatInt(5n, 2), '101');
  assert.equal(formatUint(-1n, 10), '18446744073709551615');
});

test('Quote, QuoteToASCII, QuoteToGraphic: Go quote_test.go', () => {
  for (const [inS, q, ascii, graphic] of QUOTE_TESTS) {
    const s = str(inS);
    assert.equal(quote(s), q);
    assert.equal(quoteToASCII(s), ascii);
    assert.equal(quoteToGraphic(s), graphic);
  }
  assert.equal(quote('\u00ad\u0378\ufeff'), '"\\u00ad\\u0378\\ufeff"');
  assert.equal(quote('\u{10ffff}\u{e0001}'), '"\\U0010ffff\\U000e0001"');
});

test('QuoteRune: Go quote_test.go', () => {
  for (const [r, q, ascii] of QUOTE_RUNE_TESTS) {
    assert.equal(quoteRune(r), q, String(r));
    assert.equal(quoteRuneToASCII(r), ascii, String(r));
  }
});

test('CanBackquote: Go quote_test.go', () => {
  for (const [inS, want] of CAN_BACKQUOTE_TESTS) assert.equal(canBackquote(str(inS)), want, JSON.stringify(inS));
});

test('Unquote: Go quote_test.go', () => {
  for (const [inS, want] of UNQUOTE_TESTS) {
    assert.equal(unquote(str(inS)), want === null ? null : str(want), JSON.stringify(inS));
  }
});
/** Go's internal/strconv ftoa_test.go `ftoatests`: [value, fmt, prec, want]. */
const FTOA_TESTS: readonly (readonly [string, string, number, string])[] = [
  ["1", "e", 5, "1.00000e+00"],
  ["1", "f", 5, "1.00000"],
  ["1", "g", 5, "1"],
  ["1", "g", -1, "1"],
  ["1", "x", -1, "0x1p+00"],
  ["1", "x", 5, "0x1.00000p+00"],
  ["20", "g", -1, "20"],
  ["20", "x", -1, "0x1.4p+04"],
  ["1.2345678e+06", "g", -1, "1.2345678e+06"],
  ["1.2345678e+06", "x", -1, "0x1.2d687cccccccdp+20"],
  ["200000", "g", -1, "200000"],
  ["200000", "x", -1, "0x1.86ap+17"],
  ["200000", "X", -1, "0X1.86AP+17"],
  ["2e+06", "g", -1, "2e+06"],
  ["1e+10", "g", -1, "1e+10"],
  ["12345", "f", 2, "12345.00"],
  ["1234.5", "f", 2, "1234.50"],
  ["123.45", "f", 2, "123.45"],
  ["12.345", "f", 2, "12.35"],
  ["1.2345", "f", 2, "1.23"],
  ["0.12345", "f", 2, "0.12"],
  ["0.12945", "f", 2, "0.13"],
  ["0.012345", "f", 2, "0.01"],
  ["0.015", "f", 2, "0.01"],
  ["0.016", "f", 2, "0.02"],
  ["0.0052345", "f", 2, "0.01"],
  ["0.0012345", "f", 2, "0.00"],
  ["0.00012345", "f", 2, "0.00"],
  ["1.2345e-05", "f", 2, "0.00"],
  ["0.996644984", "f", 6, "0.996645"],
  ["0.996644984", "f", 5, "0.99664"],
  ["0.996644984", "f", 4, "0.9966"],
  ["0.996644984", "f", 3, "0.997"],
  ["0.996644984", "f", 2, "1.00"],
  ["0.996644984", "f", 1, "1.0"],
  ["400", "g", 2, "4e+02"],
  ["40", "g", 2, "40"],
  ["4", "g", 2, "4"],
  ["0.4", "g", 2, "0.4"],
  ["0.04", "g", 2, "0.04"],
  ["0.004", "g", 2, "0.004"],
  ["0.0004", "g", 2, "0.0004"],
  ["4e-05", "g", 2, "4e-05"],
  ["4e-06", "g", 2, "4e-06"],
  ["0", "e", 5, "0.00000e+00"],
  ["0", "f", 5, "0.00000"],
  ["0", "g", 5, "0"],
  ["0", "g", -1, "0"],
  ["0", "x", 5, "0x0.00000p+00"],
  ["-1", "e", 5, "-1.00000e+00"],
  ["-1", "f", 5, "-1.00000"],
  ["-1", "g", 5, "-1"],
  ["-1", "g", -1, "-1"],
  ["12", "e", 5, "1.20000e+01"],
  ["12", "f", 5, "12.00000"],
  ["12", "g", 5, "12"],
  ["12", "g", -1, "12"],
  ["1.234567e+08", "e", 5, "1.23457e+08"],
  ["1.234567e+08", "f", 5, "123456700.00000"],
  ["1.234567e+08", "g", 5, "1.2346e+08"],
  ["1.234567e+08", "g", -1, "1.234567e+08"],
  ["1.2345e+06", "e", 5, "1.23450e+06"],
  ["1.2345e+06", "f", 5, "1234500.00000"],
  ["1.2345e+06", "g", 5, "1.2345e+06"],
  ["1.2345e+06", "e", 3, "1.234e+06"],
  ["1.2355e+06", "e", 3, "1.236e+06"],
  ["1.2345", "f", 3, "1.234"],
  ["1.2355", "f", 3, "1.236"],
  ["1.2345678901234565e+15", "e", 15, "1.234567890123456e+15"],
  ["1.2345678901234575e+15", "e", 15, "1.234567890123458e+15"],
  ["1.0867823635813762e+14", "g", -1, "1.0867823635813762e+14"],
  ["1e+23", "e", 17, "9.99999999999999916e+22"],
  ["1e+23", "f", 17, "99999999999999991611392.00000000000000000"],
  ["1e+23", "g", 17, "9.9999999999999992e+22"],
  ["1e+23", "e", -1, "1e+23"],
  ["1e+23", "f", -1, "100000000000000000000000"],
  ["1e+23", "g", -1, "1e+23"],
  ["9.999999999999997e+22", "e", 17, "9.99999999999999748e+22"],
  ["9.999999999999997e+22", "f", 17, "99999999999999974834176.00000000000000000"],
  ["9.999999999999997e+22", "g", 17, "9.9999999999999975e+22"],
  ["9.999999999999997e+22", "e", -1, "9.999999999999997e+22"],
  ["9.999999999999997e+22", "f", -1, "99999999999999970000000"],
  ["9.999999999999997e+22", "g", -1, "9.999999999999997e+22"],
  ["1.0000000000000001e+23", "e", 17, "1.00000000000000008e+23"],
  ["1.0000000000000001e+23", "f", 17, "100000000000000008388608.00000000000000000"],
  ["1.0000000000000001e+23", "g", 17, "1.0000000000000001e+23"],
  ["1.0000000000000001e+23", "e", -1, "1.0000000000000001e+23"],
  ["1.0000000000000001e+23", "f", -1, "100000000000000010000000"],
  ["1.0000000000000001e+23", "g", -1, "1.0000000000000001e+23"],
  ["5e-324", "g", -1, "5e-324"],
  ["-5e-324", "g", -1, "-5e-324"],
  ["32", "g", -1, "32"],
  ["32", "g", 0, "3e+01"],
  ["100", "x", -1, "0x1.9p+06"],
  ["100", "y", -1, "%y"],
  ["NaN", "g", -1, "NaN"],
  ["NaN", "g", -1, "NaN"],
  ["Infinity", "g", -1, "+Inf"],
  ["-Infinity", "g", -1, "-Inf"],
  ["-Infinity", "g", -1, "-Inf"],
  ["-1", "b", -1, "-4503599627370496p-52"],
  ["0.9", "f", 1, "0.9"],
  ["0.09", "f", 1, "0.1"],
  ["0.0999", "f", 1, "0.1"],
  ["0.05", "f", 1, "0.1"],
  ["0.05", "f", 0, "0"],
  ["0.5", "f", 1, "0.5"],
  ["0.5", "f", 0, "0"],
  ["1.5", "f", 0, "2"],
  ["2.2250738585072014e-308", "g", -1, "2.2250738585072014e-308"],
  ["2.225073858507201e-308", "g", -1, "2.225073858507201e-308"],
  ["3.8326057576481645e+17", "f", 0, "383260575764816448"],
  ["3.8326057576481645e+17", "g", -1, "3.8326057576481645e+17"],
  ["4.9848468198408557e+17", "f", -1, "498484681984085570"],
  ["-5.8339553793802237e+23", "g", -1, "-5.8339553793802237e+23"],
  ["123.45", "?", 0, "%?"],
  ["123.45", "?", 1, "%?"],
  ["123.45", "?", -1, "%?"],
  ["2.275555555555555", "x", -1, "0x1.23456789abcdep+01"],
  ["2.275555555555555", "x", 0, "0x1p+01"],
  ["2.275555555555555", "x", 2, "0x1.23p+01"],
  ["2.275555555555555", "x", 16, "0x1.23456789abcde000p+01"],
  ["2.275555555555555", "x", 21, "0x1.23456789abcde00000000p+01"],
  ["2.2755555510520935", "x", -1, "0x1.2345678p+01"],
  ["2.2755555510520935", "x", 6, "0x1.234568p+01"],
  ["2.275555431842804", "x", -1, "0x1.2345668p+01"],
  ["2.275555431842804", "x", 6, "0x1.234566p+01"],
  ["3.999969482421875", "x", -1, "0x1.ffffp+01"],
  ["3.999969482421875", "x", 4, "0x1.ffffp+01"],
  ["3.999969482421875", "x", 3, "0x1.000p+02"],
  ["3.999969482421875", "x", 2, "0x1.00p+02"],
  ["3.999969482421875", "x", 1, "0x1.0p+02"],
  ["3.999969482421875", "x", 0, "0x1p+02"],
  ["1.801439850948199e+16", "g", -1, "1.801439850948199e+16"],
  ["5.960464477539063e-08", "g", -1, "5.960464477539063e-08"],
  ["1.012e-320", "g", -1, "1.012e-320"],
  ["1.635576033861676e+16", "e", 14, "1.63557603386168e+16"],
  ["1.6786757313153776e+16", "e", 15, "1.678675731315378e+16"],
  ["1.3981882498049002e+17", "e", 16, "1.3981882498049002e+17"],
  ["7.721625636509932e+06", "e", 5, "7.72163e+06"],
  ["7.345688459479448e-09", "e", 16, "7.3456884594794477e-09"],
  ["9.765625e+18", "e", 5, "9.76562e+18"],
  ["1.953125e+19", "e", 5, "1.95312e+19"],
  ["2.3611832414348645e+21", "e", 16, "2.3611832414348645e+21"],
  ["7.450580596923828e-09", "e", 17, "7.45058059692382812e-09"],
  ["4.547473508864641e-13", "e", 17, "4.54747350886464119e-13"],
];

/** Go's atof_test.go `atoftests` / `atof32tests` (inputs under 300 characters): [in, out, err, bitSize]. */
const ATOF_TESTS: readonly (readonly [Str, string, string, 32 | 64])[] = [
  ["", "0", "invalid syntax", 64],
  ["1", "1", "", 64],
  ["+1", "1", "", 64],
  ["1x", "0", "invalid syntax", 64],
  ["1.1.", "0", "invalid syntax", 64],
  ["1e23", "1e+23", "", 64],
  ["1E23", "1e+23", "", 64],
  ["100000000000000000000000", "1e+23", "", 64],
  ["1e-100", "1e-100", "", 64],
  ["123456700", "1.234567e+08", "", 64],
  ["99999999999999974834176", "9.999999999999997e+22", "", 64],
  ["100000000000000000000001", "1.0000000000000001e+23", "", 64],
  ["100000000000000008388608", "1.0000000000000001e+23", "", 64],
  ["100000000000000016777215", "1.0000000000000001e+23", "", 64],
  ["100000000000000016777216", "1.0000000000000003e+23", "", 64],
  ["-1", "-1", "", 64],
  ["-0.1", "-0.1", "", 64],
  ["-0", "-0", "", 64],
  ["1e-20", "1e-20", "", 64],
  ["625e-3", "0.625", "", 64],
  ["0x1p0", "1", "", 64],
  ["0x1p1", "2", "", 64],
  ["0x1p-1", "0.5", "", 64],
  ["0x1ep-1", "15", "", 64],
  ["-0x1ep-1", "-15", "", 64],
  ["-0x1_ep-1", "-15", "", 64],
  ["0x1p-200", "6.223015277861142e-61", "", 64],
  ["0x1p200", "1.6069380442589903e+60", "", 64],
  ["0x1fFe2.p0", "131042", "", 64],
  ["0x1fFe2.P0", "131042", "", 64],
  ["-0x2p3", "-16", "", 64],
  ["0x0.fp4", "15", "", 64],
  ["0x0.fp0", "0.9375", "", 64],
  ["0x1e2", "0", "invalid syntax", 64],
  ["1p2", "0", "invalid syntax", 64],
  ["0", "0", "", 64],
  ["0e0", "0", "", 64],
  ["-0e0", "-0", "", 64],
  ["+0e0", "0", "", 64],
  ["0e-0", "0", "", 64],
  ["-0e-0", "-0", "", 64],
  ["+0e-0", "0", "", 64],
  ["0e+0", "0", "", 64],
  ["-0e+0", "-0", "", 64],
  ["+0e+0", "0", "", 64],
  ["0e+01234567890123456789", "0", "", 64],
  ["0.00e-01234567890123456789", "0", "", 64],
  ["-0e+01234567890123456789", "-0", "", 64],
  ["-0.00e-01234567890123456789", "-0", "", 64],
  ["0x0p+01234567890123456789", "0", "", 64],
  ["0x0.00p-01234567890123456789", "0", "", 64],
  ["-0x0p+01234567890123456789", "-0", "", 64],
  ["-0x0.00p-01234567890123456789", "-0", "", 64],
  ["0e291", "0", "", 64],
  ["0e292", "0", "", 64],
  ["0e347", "0", "", 64],
  ["0e348", "0", "", 64],
  ["-0e291", "-0", "", 64],
  ["-0e292", "-0", "", 64],
  ["-0e347", "-0", "", 64],
  ["-0e348", "-0", "", 64],
  ["0x0p126", "0", "", 64],
  ["0x0p127", "0", "", 64],
  ["0x0p128", "0", "", 64],
  ["0x0p129", "0", "", 64],
  ["0x0p130", "0", "", 64],
  ["0x0p1022", "0", "", 64],
  ["0x0p1023", "0", "", 64],
  ["0x0p1024", "0", "", 64],
  ["0x0p1025", "0", "", 64],
  ["0x0p1026", "0", "", 64],
  ["-0x0p126", "-0", "", 64],
  ["-0x0p127", "-0", "", 64],
  ["-0x0p128", "-0", "", 64],
  ["-0x0p129", "-0", "", 64],
  ["-0x0p130", "-0", "", 64],
  ["-0x0p1022", "-0", "", 64],
  ["-0x0p1023", "-0", "", 64],
  ["-0x0p1024", "-0", "", 64],
  ["-0x0p1025", "-0", "", 64],
  ["-0x0p1026", "-0", "", 64],
  ["nan", "NaN", "", 64],
  ["NaN", "NaN", "", 64],
  ["NAN", "NaN", "", 64],
  ["inf", "+Inf", "", 64],
  ["-Inf", "-Inf", "", 64],
  ["+INF", "+Inf", "", 64],
  ["-Infinity", "-Inf", "", 64],
  ["+INFINITY", "+Inf", "", 64],
  ["Infinity", "+Inf", "", 64],
  ["1.7976931348623157e308", "1.7976931348623157e+308", "", 64],
  ["-1.7976931348623157e308", "-1.7976931348623157e+308", "", 64],
  ["0x1.fffffffffffffp1023", "1.7976931348623157e+308", "", 64],
  ["-0x1.fffffffffffffp1023", "-1.7976931348623157e+308", "", 64],
  ["0x1fffffffffffffp+971", "1.7976931348623157e+308", "", 64],
  ["-0x1fffffffffffffp+971", "-1.7976931348623157e+308", "", 64],
  ["0x.1fffffffffffffp1027", "1.7976931348623157e+308", "", 64],
  ["-0x.1fffffffffffffp1027", "-1.7976931348623157e+308", "", 64],
  ["1.7976931348623159e308", "+Inf", "value out of range", 64],
  ["-1.7976931348623159e308", "-Inf", "value out of range", 64],
  ["0x1p1024", "+Inf", "value out of range", 64],
  ["-0x1p1024", "-Inf", "value out of range", 64],
  ["0x2p1023", "+Inf", "value out of range", 64],
  ["-0x2p1023", "-Inf", "value out of range", 64],
  ["0x.1p1028", "+Inf", "value out of range", 64],
  ["-0x.1p1028", "-Inf", "value out of range", 64],
  ["0x.2p1027", "+Inf", "value out of range", 64],
  ["-0x.2p1027", "-Inf", "value out of range", 64],
  ["1.7976931348623158e308", "1.7976931348623157e+308", "", 64],
  ["-1.7976931348623158e308", "-1.7976931348623157e+308", "", 64],
  ["0x1.fffffffffffff7fffp1023", "1.7976931348623157e+308", "", 64],
  ["-0x1.fffffffffffff7fffp1023", "-1.7976931348623157e+308", "", 64],
  ["1.797693134862315808e308", "+Inf", "value out of range", 64],
  ["-1.797693134862315808e308", "-Inf", "value out of range", 64],
  ["0x1.fffffffffffff8p1023", "+Inf", "value out of range", 64],
  ["-0x1.fffffffffffff8p1023", "-Inf", "value out of range", 64],
  ["0x1fffffffffffff.8p+971", "+Inf", "value out of range", 64],
  ["-0x1fffffffffffff8p+967", "-Inf", "value out of range", 64],
  ["0x.1fffffffffffff8p1027", "+Inf", "value out of range", 64],
  ["-0x.1fffffffffffff9p1027", "-Inf", "value out of range", 64],
  ["1e308", "1e+308", "", 64],
  ["2e308", "+Inf", "value out of range", 64],
  ["1e309", "+Inf", "value out of range", 64],
  ["0x1p1025", "+Inf", "value out of range", 64],
  ["1e310", "+Inf", "value out of range", 64],
  ["-1e310", "-Inf", "value out of range", 64],
  ["1e400", "+Inf", "value out of range", 64],
  ["-1e400", "-Inf", "value out of range", 64],
  ["1e400000", "+Inf", "value out of range", 64],
  ["-1e400000", "-Inf", "value out of range", 64],
  ["0x1p1030", "+Inf", "value out of range", 64],
  ["0x1p2000", "+Inf", "value out of range", 64],
  ["0x1p2000000000", "+Inf", "value out of range", 64],
  ["-0x1p1030", "-Inf", "value out of range", 64],
  ["-0x1p2000", "-Inf", "value out of range", 64],
  ["-0x1p2000000000", "-Inf", "value out of range", 64],
  ["1e-305", "1e-305", "", 64],
  ["1e-306", "1e-306", "", 64],
  ["1e-307", "1e-307", "", 64],
  ["1e-308", "1e-308", "", 64],
  ["1e-309", "1e-309", "", 64],
  ["1e-310", "1e-310", "", 64],
  ["1e-322", "1e-322", "", 64],
  ["5e-324", "5e-324", "", 64],
  ["4e-324", "5e-324", "", 64],
  ["3e-324", "5e-324", "", 64],
  ["2e-324", "0", "", 64],
  ["1e-350", "0", "", 64],
  ["1e-400000", "0", "", 64],
  ["0x2.00000000000000p-1010", "1.8227805048890994e-304", "", 64],
  ["0x1.fffffffffffff0p-1010", "1.8227805048890992e-304", "", 64],
  ["0x1.fffffffffffff7p-1010", "1.8227805048890992e-304", "", 64],
  ["0x1.fffffffffffff8p-1010", "1.8227805048890994e-304", "", 64],
  ["0x1.fffffffffffff9p-1010", "1.8227805048890994e-304", "", 64],
  ["0x2.00000000000000p-1022", "4.450147717014403e-308", "", 64],
  ["0x1.fffffffffffff0p-1022", "4.4501477170144023e-308", "", 64],
  ["0x1.fffffffffffff7p-1022", "4.4501477170144023e-308", "", 64],
  ["0x1.fffffffffffff8p-1022", "4.450147717014403e-308", "", 64],
  ["0x1.fffffffffffff9p-1022", "4.450147717014403e-308", "", 64],
  ["0x1.00000000000000p-1022", "2.2250738585072014e-308", "", 64],
  ["0x0.fffffffffffff0p-1022", "2.225073858507201e-308", "", 64],
  ["0x0.ffffffffffffe0p-1022", "2.2250738585072004e-308", "", 64],
  ["0x0.ffffffffffffe7p-1022", "2.2250738585072004e-308", "", 64],
  ["0x1.ffffffffffffe8p-1023", "2.225073858507201e-308", "", 64],
  ["0x1.ffffffffffffe9p-1023", "2.225073858507201e-308", "", 64],
  ["0x0.00000003fffff0p-1022", "2.072261e-317", "", 64],
  ["0x0.00000003456780p-1022", "1.694649e-317", "", 64],
  ["0x0.00000003456787p-1022", "1.694649e-317", "", 64],
  ["0x0.00000003456788p-1022", "1.694649e-317", "", 64],
  ["0x0.00000003456790p-1022", "1.6946496e-317", "", 64],
  ["0x0.00000003456789p-1022", "1.6946496e-317", "", 64],
  ["0x0.0000000345678800000000000000000000000001p-1022", "1.6946496e-317", "", 64],
  ["0x0.000000000000f0p-1022", "7.4e-323", "", 64],
  ["0x0.00000000000060p-1022", "3e-323", "", 64],
  ["0x0.00000000000058p-1022", "3e-323", "", 64],
  ["0x0.00000000000057p-1022", "2.5e-323", "", 64],
  ["0x0.00000000000050p-1022", "2.5e-323", "", 64],
  ["0x0.00000000000010p-1022", "5e-324", "", 64],
  ["0x0.000000000000081p-1022", "5e-324", "", 64],
  ["0x0.00000000000008p-1022", "0", "", 64],
  ["0x0.00000000000007fp-1022", "0", "", 64],
  ["1e-4294967296", "0", "", 64],
  ["1e+4294967296", "+Inf", "value out of range", 64],
  ["1e-18446744073709551616", "0", "", 64],
  ["1e+18446744073709551616", "+Inf", "value out of range", 64],
  ["0x1p-4294967296", "0", "", 64],
  ["0x1p+4294967296", "+Inf", "value out of range", 64],
  ["0x1p-18446744073709551616", "0", "", 64],
  ["0x1p+18446744073709551616", "+Inf", "value out of range", 64],
  ["1e", "0", "invalid syntax", 64],
  ["1e-", "0", "invalid syntax", 64],
  [".e-1", "0", "invalid syntax", 64],
  ["1\u0000.2", "0", "invalid syntax", 64],
  ["0x", "0", "invalid syntax", 64],
  ["0x.", "0", "invalid syntax", 64],
  ["0x1", "0", "invalid syntax", 64],
  ["0x.1", "0", "invalid syntax", 64],
  ["0x1p", "0", "invalid syntax", 64],
  ["0x.1p", "0", "invalid syntax", 64],
  ["0x1p+", "0", "invalid syntax", 64],
  ["0x.1p+", "0", "invalid syntax", 64],
  ["0x1p-", "0", "invalid syntax", 64],
  ["0x.1p-", "0", "invalid syntax", 64],
  ["0x1p+2", "4", "", 64],
  ["0x.1p+2", "0.25", "", 64],
  ["0x1p-2", "0.25", "", 64],
  ["0x.1p-2", "0.015625", "", 64],
  ["2.2250738585072012e-308", "2.2250738585072014e-308", "", 64],
  ["2.2250738585072011e-308", "2.225073858507201e-308", "", 64],
  ["4.630813248087435e+307", "4.630813248087435e+307", "", 64],
  ["22.222222222222222", "22.22222222222222", "", 64],
  ["0x1.1111111111111p222", "7.18931911124017e+66", "", 64],
  ["0x2.2222222222222p221", "7.18931911124017e+66", "", 64],
  ["1.00000000000000011102230246251565404236316680908203125", "1", "", 64],
  ["0x1.00000000000008p0", "1", "", 64],
  ["1.00000000000000011102230246251565404236316680908203124", "1", "", 64],
  ["0x1.00000000000007Fp0", "1", "", 64],
  ["1.00000000000000011102230246251565404236316680908203126", "1.0000000000000002", "", 64],
  ["0x1.000000000000081p0", "1.0000000000000002", "", 64],
  ["0x1.00000000000009p0", "1.0000000000000002", "", 64],
  ["1.00000000000000033306690738754696212708950042724609375", "1.0000000000000004", "", 64],
  ["0x1.00000000000018p0", "1.0000000000000004", "", 64],
  ["1090544144181609348671888949248", "1.0905441441816093e+30", "", 64],
  ["1090544144181609348835077142190", "1.0905441441816094e+30", "", 64],
  ["1_23.50_0_0e+1_2", "1.235e+14", "", 64],
  ["-_123.5e+12", "0", "invalid syntax", 64],
  ["+_123.5e+12", "0", "invalid syntax", 64],
  ["_123.5e+12", "0", "invalid syntax", 64],
  ["1__23.5e+12", "0", "invalid syntax", 64],
  ["123_.5e+12", "0", "invalid syntax", 64],
  ["123._5e+12", "0", "invalid syntax", 64],
  ["123.5_e+12", "0", "invalid syntax", 64],
  ["123.5__0e+12", "0", "invalid syntax", 64],
  ["123.5e_+12", "0", "invalid syntax", 64],
  ["123.5e+_12", "0", "invalid syntax", 64],
  ["123.5e_-12", "0", "invalid syntax", 64],
  ["123.5e-_12", "0", "invalid syntax", 64],
  ["123.5e+1__2", "0", "invalid syntax", 64],
  ["123.5e+12_", "0", "invalid syntax", 64],
  ["0x_1_2.3_4_5p+1_2", "74565", "", 64],
  ["-_0x12.345p+12", "0", "invalid syntax", 64],
  ["+_0x12.345p+12", "0", "invalid syntax", 64],
  ["_0x12.345p+12", "0", "invalid syntax", 64],
  ["0x__12.345p+12", "0", "invalid syntax", 64],
  ["0x1__2.345p+12", "0", "invalid syntax", 64],
  ["0x12_.345p+12", "0", "invalid syntax", 64],
  ["0x12._345p+12", "0", "invalid syntax", 64],
  ["0x12.3__45p+12", "0", "invalid syntax", 64],
  ["0x12.345_p+12", "0", "invalid syntax", 64],
  ["0x12.345p_+12", "0", "invalid syntax", 64],
  ["0x12.345p+_12", "0", "invalid syntax", 64],
  ["0x12.345p_-12", "0", "invalid syntax", 64],
  ["0x12.345p-_12", "0", "invalid syntax", 64],
  ["0x12.345p+1__2", "0", "invalid syntax", 64],
  ["0x12.345p+12_", "0", "invalid syntax", 64],
  ["1e100x", "0", "invalid syntax", 64],
  ["1e1000x", "0", "invalid syntax", 64],
  ["0x1p-100", "7.888609e-31", "", 32],
  ["0x1p100", "1.2676506e+30", "", 32],
  ["1.000000059604644775390625", "1", "", 32],
  ["0x1.000001p0", "1", "", 32],
  ["1.000000059604644775390624", "1", "", 32],
  ["0x1.0000008p0", "1", "", 32],
  ["0x1.000000fp0", "1", "", 32],
  ["1.000000059604644775390626", "1.0000001", "", 32],
  ["0x1.000002p0", "1.0000001", "", 32],
  ["0x1.0000018p0", "1.0000001", "", 32],
  ["0x1.0000011p0", "1.0000001", "", 32],
  ["340282346638528859811704183484516925440", "3.4028235e+38", "", 32],
  ["-340282346638528859811704183484516925440", "-3.4028235e+38", "", 32],
  ["0x.ffffffp128", "3.4028235e+38", "", 32],
  ["-340282346638528859811704183484516925440", "-3.4028235e+38", "", 32],
  ["-0x.ffffffp128", "-3.4028235e+38", "", 32],
  ["3.4028236e38", "+Inf", "value out of range", 32],
  ["-3.4028236e38", "-Inf", "value out of range", 32],
  ["0x1.0p128", "+Inf", "value out of range", 32],
  ["-0x1.0p128", "-Inf", "value out of range", 32],
  ["3.402823567e38", "3.4028235e+38", "", 32],
  ["-3.402823567e38", "-3.4028235e+38", "", 32],
  ["0x.ffffff7fp128", "3.4028235e+38", "", 32],
  ["-0x.ffffff7fp128", "-3.4028235e+38", "", 32],
  ["3.4028235678e38", "+Inf", "value out of range", 32],
  ["-3.4028235678e38", "-Inf", "value out of range", 32],
  ["0x.ffffff8p128", "+Inf", "value out of range", 32],
  ["-0x.ffffff8p128", "-Inf", "value out of range", 32],
  ["1e-38", "1e-38", "", 32],
  ["1e-39", "1e-39", "", 32],
  ["1e-40", "1e-40", "", 32],
  ["1e-41", "1e-41", "", 32],
  ["1e-42", "1e-42", "", 32],
  ["1e-43", "1e-43", "", 32],
  ["1e-44", "1e-44", "", 32],
  ["6e-45", "6e-45", "", 32],
  ["5e-45", "6e-45", "", 32],
  ["1e-45", "1e-45", "", 32],
  ["2e-45", "1e-45", "", 32],
  ["3e-45", "3e-45", "", 32],
  ["0x0.89aBcDp-125", "1.2643093e-38", "", 32],
  ["0x0.8000000p-125", "1.1754944e-38", "", 32],
  ["0x0.1234560p-125", "1.671814e-39", "", 32],
  ["0x0.1234567p-125", "1.671814e-39", "", 32],
  ["0x0.1234568p-125", "1.671814e-39", "", 32],
  ["0x0.1234569p-125", "1.671815e-39", "", 32],
  ["0x0.1234570p-125", "1.671815e-39", "", 32],
  ["0x0.0000010p-125", "1e-45", "", 32],
  ["0x0.00000081p-125", "1e-45", "", 32],
  ["0x0.0000008p-125", "0", "", 32],
  ["0x0.0000007p-125", "0", "", 32],
  ["4951760157141521099596496896", "4.9517602e+27", "", 32],
];

/** Go's quote_test.go: [in, Quote, QuoteToASCII, QuoteToGraphic]. */
const QUOTE_TESTS: readonly (readonly [Str, string, string, string])[] = [
  ["\u0007\b\f\r\n\t\u000b", "\"\\a\\b\\f\\r\\n\\t\\v\"", "\"\\a\\b\\f\\r\\n\\t\\v\"", "\"\\a\\b\\f\\r\\n\\t\\v\""],
  ["\\", "\"\\\\\"", "\"\\\\\"", "\"\\\\\""],
  [{"s": "616263ff646566"}, "\"abc\\xffdef\"", "\"abc\\xffdef\"", "\"abc\\xffdef\""],
  ["\u263a", "\"\u263a\"", "\"\\u263a\"", "\"\u263a\""],
  ["\udbff\udfff", "\"\\U0010ffff\"", "\"\\U0010ffff\"", "\"\\U0010ffff\""],
  ["\u0004", "\"\\x04\"", "\"\\x04\"", "\"\\x04\""],
  ["!\u00a0!\u2000!\u3000!", "\"!\\u00a0!\\u2000!\\u3000!\"", "\"!\\u00a0!\\u2000!\\u3000!\"", "\"!\u00a0!\u2000!\u3000!\""],
  ["\u007f", "\"\\x7f\"", "\"\\x7f\"", "\"\\x7f\""],
];

/** Go's quote_test.go `quoterunetests`: [rune, QuoteRune, QuoteRuneToASCII, QuoteRuneToGraphic]. */
const QUOTE_RUNE_TESTS: readonly (readonly [number, string, string, string])[] = [
  [97, "'a'", "'a'", "'a'"],
  [7, "'\\a'", "'\\a'", "'\\a'"],
  [92, "'\\\\'", "'\\\\'", "'\\\\'"],
  [255, "'\u00ff'", "'\\u00ff'", "'\u00ff'"],
  [9786, "'\u263a'", "'\\u263a'", "'\u263a'"],
  [57005, "'\ufffd'", "'\\ufffd'", "'\ufffd'"],
  [65533, "'\ufffd'", "'\\ufffd'", "'\ufffd'"],
  [1114111, "'\\U0010ffff'", "'\\U0010ffff'", "'\\U0010ffff'"],
  [1114112, "'\ufffd'", "'\\ufffd'", "'\ufffd'"],
  [4, "'\\x04'", "'\\x04'", "'\\x04'"],
  [160, "'\\u00a0'", "'\\u00a0'", "'\u00a0'"],
  [8192, "'\\u2000'", "'\\u2000'", "'\u2000'"],
  [12288, "'\\u3000'", "'\\u3000'", "'\u3000'"],
];

/** Go's quote_test.go `canbackquotetests`. */
const CAN_BACKQUOTE_TESTS: readonly (readonly [Str, boolean])[] = [
  ["`", false],
  ["\u0000", false],
  ["\u0001", false],
  ["\u0002", false],
  ["\u0003", false],
  ["\u0004", false],
  ["\u0005", false],
  ["\u0006", false],
  ["\u0007", false],
  ["\b", false],
  ["\t", true],
  ["\n", false],
  ["\u000b", false],
  ["\f", false],
  ["\r", false],
  ["\u000e", false],
  ["\u000f", false],
  ["\u0010", false],
  ["\u0011", false],
  ["\u0012", false],
  ["\u0013", false],
  ["\u0014", false],
  ["\u0015", false],
  ["\u0016", false],
  ["\u0017", false],
  ["\u0018", false],
  ["\u0019", false],
  ["\u001a", false],
  ["\u001b", false],
  ["\u001c", false],
  ["\u001d", false],
  ["\u001e", false],
  ["\u001f", false],
  ["\u007f", false],
  ["' !\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~", true],
  ["0123456789", true],
  ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", true],
  ["abcdefghijklmnopqrstuvwxyz", true],
  ["\u263a", true],
  [{"s": "80"}, false],
  [{"s": "61e0a07a"}, false],
  ["\ufeffabc", false],
  ["a\ufeffz", false],
];

/** Go's quote_test.go `unquotetests` and `misquoted` (null: ErrSyntax). */
const UNQUOTE_TESTS: readonly (readonly [Str, Str | null])[] = [
  ["\"\"", ""],
  ["\"a\"", "a"],
  ["\"abc\"", "abc"],
  ["\"\u263a\"", "\u263a"],
  ["\"hello world\"", "hello world"],
  ["\"\\xFF\"", {"s": "ff"}],
  ["\"\\377\"", {"s": "ff"}],
  ["\"\\u1234\"", "\u1234"],
  ["\"\\U00010111\"", "\ud800\udd11"],
  ["\"\\U0001011111\"", "\ud800\udd1111"],
  ["\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\u0007\b\f\n\r\t\u000b\\\""],
  ["\"'\"", "'"],
  ["'a'", "a"],
  ["'\u2639'", "\u2639"],
  ["'\\a'", "\u0007"],
  ["'\\x10'", "\u0010"],
  ["'\\377'", {"s": "ff"}],
  ["'\\u1234'", "\u1234"],
  ["'\\U00010111'", "\ud800\udd11"],
  ["'\\t'", "\t"],
  ["' '", " "],
  ["'\\''", "'"],
  ["'\"'", "\""],
  ["``", ""],
  ["`a`", "a"],
  ["`abc`", "abc"],
  ["`\u263a`", "\u263a"],
  ["`hello world`", "hello world"],
  ["`\\xFF`", "\\xFF"],
  ["`\\377`", "\\377"],
  ["`\\`", "\\"],
  ["`\n`", "\n"],
  ["`\t`", "\t"],
  ["` `", " "],
  ["`a\rb`", "ab"],
  ["", null],
  ["\"", null],
  ["\"a", null],
  ["\"'", null],
  ["b\"", null],
  ["\"\\\"", null],
  ["\"\\9\"", null],
  ["\"\\19\"", null],
  ["\"\\129\"", null],
  ["'\\'", null],
  ["'\\9'", null],
  ["'\\19'", null],
  ["'\\129'", null],
  ["'ab'", null],
  ["\"\\x1!\"", null],
  ["\"\\U12345678\"", null],
  ["\"\\z\"", null],
  ["`", null],
  ["`xxx", null],
  ["``x\r", null],
  ["`\"", null],
  ["\"\\'\"", null],
  ["'\\\"'", null],
  ["\"\n\"", null],
  ["\"\\n\n\"", null],
  ["'\n'", null],
  ["\"\\udead\"", null],
  ["\"\\ud83d\\ude4f\"", null],
];

/** strconv.ParseInt / ParseUint results from Go: [func, in, base, bitSize, value, error]. */
const PARSE_INT_TESTS: readonly (readonly [string, string, number, number, string, string])[] = [
  ["ParseInt", "", 0, 64, "0", "strconv.ParseInt: parsing \"\": invalid syntax"],
  ["ParseInt", "", 10, 32, "0", "strconv.ParseInt: parsing \"\": invalid syntax"],
  ["ParseInt", "", 36, 64, "0", "strconv.ParseInt: parsing \"\": invalid syntax"],
  ["ParseUint", "", 0, 64, "0", "strconv.ParseUint: parsing \"\": invalid syntax"],
  ["ParseUint", "", 10, 32, "0", "strconv.ParseUint: parsing \"\": invalid syntax"],
  ["ParseInt", "0", 0, 64, "0", ""],
  ["ParseInt", "0", 10, 32, "0", ""],
  ["ParseInt", "0", 36, 64, "0", ""],
  ["ParseUint", "0", 0, 64, "0", ""],
  ["ParseUint", "0", 10, 32, "0", ""],
  ["ParseInt", "-0", 0, 64, "0", ""],
  ["ParseInt", "-0", 10, 32, "0", ""],
  ["ParseInt", "-0", 36, 64, "0", ""],
  ["ParseUint", "-0", 0, 64, "0", "strconv.ParseUint: parsing \"-0\": invalid syntax"],
  ["ParseUint", "-0", 10, 32, "0", "strconv.ParseUint: parsing \"-0\": invalid syntax"],
  ["ParseInt", "+0", 0, 64, "0", ""],
  ["ParseInt", "+0", 10, 32, "0", ""],
  ["ParseInt", "+0", 36, 64, "0", ""],
  ["ParseUint", "+0", 0, 64, "0", "strconv.ParseUint: parsing \"+0\": invalid syntax"],
  ["ParseUint", "+0", 10, 32, "0", "strconv.ParseUint: parsing \"+0\": invalid syntax"],
  ["ParseInt", "0x", 0, 64, "0", "strconv.ParseInt: parsing \"0x\": invalid syntax"],
  ["ParseInt", "0x", 10, 32, "0", "strconv.ParseInt: parsing \"0x\": invalid syntax"],
  ["ParseInt", "0x", 36, 64, "33", ""],
  ["ParseUint", "0x", 0, 64, "0", "strconv.ParseUint: parsing \"0x\": invalid syntax"],
  ["ParseUint", "0x", 10, 32, "0", "strconv.ParseUint: parsing \"0x\": invalid syntax"],
  ["ParseInt", "0X", 0, 64, "0", "strconv.ParseInt: parsing \"0X\": invalid syntax"],
  ["ParseInt", "0X", 10, 32, "0", "strconv.ParseInt: parsing \"0X\": invalid syntax"],
  ["ParseInt", "0X", 36, 64, "33", ""],
  ["ParseUint", "0X", 0, 64, "0", "strconv.ParseUint: parsing \"0X\": invalid syntax"],
  ["ParseUint", "0X", 10, 32, "0", "strconv.ParseUint: parsing \"0X\": invalid syntax"],
  ["ParseInt", "1", 0, 64, "1", ""],
  ["ParseInt", "1", 10, 64, "1", ""],
  ["ParseInt", "1", 16, 64, "1", ""],
  ["ParseInt", "1", 0, 8, "1", ""],
  ["ParseInt", "1", 10, 32, "1", ""],
  ["ParseInt", "1", 36, 64, "1", ""],
  ["ParseInt", "1", 2, 0, "1", ""],
  ["ParseUint", "1", 0, 64, "1", ""],
  ["ParseUint", "1", 10, 32, "1", ""],
  ["ParseUint", "1", 16, 8, "1", ""],
  ["ParseInt", "-1", 0, 64, "-1", ""],
  ["ParseInt", "-1", 10, 32, "-1", ""],
  ["ParseInt", "-1", 36, 64, "-1", ""],
  ["ParseUint", "-1", 0, 64, "0", "strconv.ParseUint: parsing \"-1\": invalid syntax"],
  ["ParseUint", "-1", 10, 32, "0", "strconv.ParseUint: parsing \"-1\": invalid syntax"],
  ["ParseInt", "+1", 0, 64, "1", ""],
  ["ParseInt", "+1", 10, 32, "1", ""],
  ["ParseInt", "+1", 36, 64, "1", ""],
  ["ParseUint", "+1", 0, 64, "0", "strconv.ParseUint: parsing \"+1\": invalid syntax"],
  ["ParseUint", "+1", 10, 32, "0", "strconv.ParseUint: parsing \"+1\": invalid syntax"],
  ["ParseInt", "12345", 0, 64, "12345", ""],
  ["ParseInt", "12345", 10, 32, "12345", ""],
  ["ParseInt", "12345", 36, 64, "1776965", ""],
  ["ParseUint", "12345", 0, 64, "12345", ""],
  ["ParseUint", "12345", 10, 32, "12345", ""],
  ["ParseInt", "-12345", 0, 64, "-12345", ""],
  ["ParseInt", "-12345", 10, 32, "-12345", ""],
  ["ParseInt", "-12345", 36, 64, "-1776965", ""],
  ["ParseUint", "-12345", 0, 64, "0", "strconv.ParseUint: parsing \"-12345\": invalid syntax"],
  ["ParseUint", "-12345", 10, 32, "0", "strconv.ParseUint: parsing \"-12345\": invalid syntax"],
  ["ParseInt", "012345", 0, 64, "5349", ""],
  ["ParseInt", "012345", 10, 32, "12345", ""],
  ["ParseInt", "012345", 36, 64, "1776965", ""],
  ["ParseUint", "012345", 0, 64, "5349", ""],
  ["ParseUint", "012345", 10, 32, "12345", ""],
  ["ParseInt", "-012345", 0, 64, "-5349", ""],
  ["ParseInt", "-012345", 10, 32, "-12345", ""],
  ["ParseInt", "-012345", 36, 64, "-1776965", ""],
  ["ParseUint", "-012345", 0, 64, "0", "strconv.ParseUint: parsing \"-012345\": invalid syntax"],
  ["ParseUint", "-012345", 10, 32, "0", "strconv.ParseUint: parsing \"-012345\": invalid syntax"],
  ["ParseInt", "0x12345", 0, 64, "74565", ""],
  ["ParseInt", "0x12345", 10, 32, "0", "strconv.ParseInt: parsing \"0x12345\": invalid syntax"],
  ["ParseInt", "0x12345", 36, 64, "1997160773", ""],
  ["ParseUint", "0x12345", 0, 64, "74565", ""],
  ["ParseUint", "0x12345", 10, 32, "0", "strconv.ParseUint: parsing \"0x12345\": invalid syntax"],
  ["ParseInt", "0X12345", 0, 64, "74565", ""],
  ["ParseInt", "0X12345", 10, 32, "0", "strconv.ParseInt: parsing \"0X12345\": invalid syntax"],
  ["ParseInt", "0X12345", 36, 64, "1997160773", ""],
  ["ParseUint", "0X12345", 0, 64, "74565", ""],
  ["ParseUint", "0X12345", 10, 32, "0", "strconv.ParseUint: parsing \"0X12345\": invalid syntax"],
  ["ParseInt", "12345x", 0, 64, "0", "strconv.ParseInt: parsing \"12345x\": invalid syntax"],
  ["ParseInt", "12345x", 10, 32, "0", "strconv.ParseInt: parsing \"12345x\": invalid syntax"],
  ["ParseInt", "12345x", 36, 64, "63970773", ""],
  ["ParseUint", "12345x", 0, 64, "0", "strconv.ParseUint: parsing \"12345x\": invalid syntax"],
  ["ParseUint", "12345x", 10, 32, "0", "strconv.ParseUint: parsing \"12345x\": invalid syntax"],
  ["ParseInt", "0xabcdefg123", 0, 64, "0", "strconv.ParseInt: parsing \"0xabcdefg123\": invalid syntax"],
  ["ParseInt", "0xabcdefg123", 10, 32, "0", "strconv.ParseInt: parsing \"0xabcdefg123\": invalid syntax"],
  ["ParseInt", "0xabcdefg123", 36, 64, "121700829838352475", ""],
  ["ParseUint", "0xabcdefg123", 0, 64, "0", "strconv.ParseUint: parsing \"0xabcdefg123\": invalid syntax"],
  ["ParseUint", "0xabcdefg123", 10, 32, "0", "strconv.ParseUint: parsing \"0xabcdefg123\": invalid syntax"],
  ["ParseInt", "123456789abc", 0, 64, "0", "strconv.ParseInt: parsing \"123456789abc\": invalid syntax"],
  ["ParseInt", "123456789abc", 10, 32, "0", "strconv.ParseInt: parsing \"123456789abc\": invalid syntax"],
  ["ParseInt", "123456789abc", 36, 64, "139250390350676088", ""],
  ["ParseUint", "123456789abc", 0, 64, "0", "strconv.ParseUint: parsing \"123456789abc\": invalid syntax"],
  ["ParseUint", "123456789abc", 10, 32, "0", "strconv.ParseUint: parsing \"123456789abc\": invalid syntax"],
  ["ParseInt", "98765432100", 0, 64, "98765432100", ""],
  ["ParseInt", "98765432100", 10, 32, "2147483647", "strconv.ParseInt: parsing \"98765432100\": value out of range"],
  ["ParseInt", "98765432100", 36, 64, "33738134699160720", ""],
  ["ParseUint", "98765432100", 0, 64, "98765432100", ""],
  ["ParseUint", "98765432100", 10, 32, "4294967295", "strconv.ParseUint: parsing \"98765432100\": value out of range"],
  ["ParseInt", "-98765432100", 0, 64, "-98765432100", ""],
  ["ParseInt", "-98765432100", 10, 32, "-2147483648", "strconv.ParseInt: parsing \"-98765432100\": value out of range"],
  ["ParseInt", "-98765432100", 36, 64, "-33738134699160720", ""],
  ["ParseUint", "-98765432100", 0, 64, "0", "strconv.ParseUint: parsing \"-98765432100\": invalid syntax"],
  ["ParseUint", "-98765432100", 10, 32, "0", "strconv.ParseUint: parsing \"-98765432100\": invalid syntax"],
  ["ParseInt", "9223372036854775807", 0, 64, "9223372036854775807", ""],
  ["ParseInt", "9223372036854775807", 10, 32, "2147483647", "strconv.ParseInt: parsing \"9223372036854775807\": value out of range"],
  ["ParseInt", "9223372036854775807", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"9223372036854775807\": value out of range"],
  ["ParseUint", "9223372036854775807", 0, 64, "9223372036854775807", ""],
  ["ParseUint", "9223372036854775807", 10, 32, "4294967295", "strconv.ParseUint: parsing \"9223372036854775807\": value out of range"],
  ["ParseInt", "-9223372036854775807", 0, 64, "-9223372036854775807", ""],
  ["ParseInt", "-9223372036854775807", 10, 32, "-2147483648", "strconv.ParseInt: parsing \"-9223372036854775807\": value out of range"],
  ["ParseInt", "-9223372036854775807", 36, 64, "-9223372036854775808", "strconv.ParseInt: parsing \"-9223372036854775807\": value out of range"],
  ["ParseUint", "-9223372036854775807", 0, 64, "0", "strconv.ParseUint: parsing \"-9223372036854775807\": invalid syntax"],
  ["ParseUint", "-9223372036854775807", 10, 32, "0", "strconv.ParseUint: parsing \"-9223372036854775807\": invalid syntax"],
  ["ParseInt", "9223372036854775808", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"],
  ["ParseInt", "9223372036854775808", 10, 32, "2147483647", "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"],
  ["ParseInt", "9223372036854775808", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"],
  ["ParseUint", "9223372036854775808", 0, 64, "9223372036854775808", ""],
  ["ParseUint", "9223372036854775808", 10, 32, "4294967295", "strconv.ParseUint: parsing \"9223372036854775808\": value out of range"],
  ["ParseInt", "-9223372036854775808", 0, 64, "-9223372036854775808", ""],
  ["ParseInt", "-9223372036854775808", 10, 32, "-2147483648", "strconv.ParseInt: parsing \"-9223372036854775808\": value out of range"],
  ["ParseInt", "-9223372036854775808", 36, 64, "-9223372036854775808", "strconv.ParseInt: parsing \"-9223372036854775808\": value out of range"],
  ["ParseUint", "-9223372036854775808", 0, 64, "0", "strconv.ParseUint: parsing \"-9223372036854775808\": invalid syntax"],
  ["ParseUint", "-9223372036854775808", 10, 32, "0", "strconv.ParseUint: parsing \"-9223372036854775808\": invalid syntax"],
  ["ParseInt", "9223372036854775809", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"9223372036854775809\": value out of range"],
  ["ParseInt", "9223372036854775809", 10, 32, "2147483647", "strconv.ParseInt: parsing \"9223372036854775809\": value out of range"],
  ["ParseInt", "9223372036854775809", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"9223372036854775809\": value out of range"],
  ["ParseUint", "9223372036854775809", 0, 64, "9223372036854775809", ""],
  ["ParseUint", "9223372036854775809", 10, 32, "4294967295", "strconv.ParseUint: parsing \"9223372036854775809\": value out of range"],
  ["ParseInt", "-9223372036854775809", 0, 64, "-9223372036854775808", "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"],
  ["ParseInt", "-9223372036854775809", 10, 32, "-2147483648", "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"],
  ["ParseInt", "-9223372036854775809", 36, 64, "-9223372036854775808", "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"],
  ["ParseUint", "-9223372036854775809", 0, 64, "0", "strconv.ParseUint: parsing \"-9223372036854775809\": invalid syntax"],
  ["ParseUint", "-9223372036854775809", 10, 32, "0", "strconv.ParseUint: parsing \"-9223372036854775809\": invalid syntax"],
  ["ParseInt", "18446744073709551615", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"18446744073709551615\": value out of range"],
  ["ParseInt", "18446744073709551615", 10, 32, "2147483647", "strconv.ParseInt: parsing \"18446744073709551615\": value out of range"],
  ["ParseInt", "18446744073709551615", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"18446744073709551615\": value out of range"],
  ["ParseUint", "18446744073709551615", 0, 64, "18446744073709551615", ""],
  ["ParseUint", "18446744073709551615", 10, 32, "4294967295", "strconv.ParseUint: parsing \"18446744073709551615\": value out of range"],
  ["ParseInt", "18446744073709551616", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"18446744073709551616\": value out of range"],
  ["ParseInt", "18446744073709551616", 10, 32, "2147483647", "strconv.ParseInt: parsing \"18446744073709551616\": value out of range"],
  ["ParseInt", "18446744073709551616", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"18446744073709551616\": value out of range"],
  ["ParseUint", "18446744073709551616", 0, 64, "18446744073709551615", "strconv.ParseUint: parsing \"18446744073709551616\": value out of range"],
  ["ParseUint", "18446744073709551616", 10, 32, "4294967295", "strconv.ParseUint: parsing \"18446744073709551616\": value out of range"],
  ["ParseInt", "0xFFFFFFFFFFFFFFFF", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"0xFFFFFFFFFFFFFFFF\": value out of range"],
  ["ParseInt", "0xFFFFFFFFFFFFFFFF", 10, 32, "0", "strconv.ParseInt: parsing \"0xFFFFFFFFFFFFFFFF\": invalid syntax"],
  ["ParseInt", "0xFFFFFFFFFFFFFFFF", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"0xFFFFFFFFFFFFFFFF\": value out of range"],
  ["ParseUint", "0xFFFFFFFFFFFFFFFF", 0, 64, "18446744073709551615", ""],
  ["ParseUint", "0xFFFFFFFFFFFFFFFF", 10, 32, "0", "strconv.ParseUint: parsing \"0xFFFFFFFFFFFFFFFF\": invalid syntax"],
  ["ParseInt", "0x10000000000000000", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"0x10000000000000000\": value out of range"],
  ["ParseInt", "0x10000000000000000", 10, 32, "0", "strconv.ParseInt: parsing \"0x10000000000000000\": invalid syntax"],
  ["ParseInt", "0x10000000000000000", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"0x10000000000000000\": value out of range"],
  ["ParseUint", "0x10000000000000000", 0, 64, "18446744073709551615", "strconv.ParseUint: parsing \"0x10000000000000000\": value out of range"],
  ["ParseUint", "0x10000000000000000", 10, 32, "0", "strconv.ParseUint: parsing \"0x10000000000000000\": invalid syntax"],
  ["ParseInt", "01777777777777777777777", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"01777777777777777777777\": value out of range"],
  ["ParseInt", "01777777777777777777777", 10, 32, "2147483647", "strconv.ParseInt: parsing \"01777777777777777777777\": value out of range"],
  ["ParseInt", "01777777777777777777777", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"01777777777777777777777\": value out of range"],
  ["ParseUint", "01777777777777777777777", 0, 64, "18446744073709551615", ""],
  ["ParseUint", "01777777777777777777777", 10, 32, "4294967295", "strconv.ParseUint: parsing \"01777777777777777777777\": value out of range"],
  ["ParseInt", "02000000000000000000000", 0, 64, "9223372036854775807", "strconv.ParseInt: parsing \"02000000000000000000000\": value out of range"],
  ["ParseInt", "02000000000000000000000", 10, 32, "2147483647", "strconv.ParseInt: parsing \"02000000000000000000000\": value out of range"],
  ["ParseInt", "02000000000000000000000", 36, 64, "9223372036854775807", "strconv.ParseInt: parsing \"02000000000000000000000\": value out of range"],
  ["ParseUint", "02000000000000000000000", 0, 64, "18446744073709551615", "strconv.ParseUint: parsing \"02000000000000000000000\": value out of range"],
  ["ParseUint", "02000000000000000000000", 10, 32, "4294967295", "strconv.ParseUint: parsing \"02000000000000000000000\": value out of range"],
  ["ParseInt", "0b", 0, 64, "0", "strconv.ParseInt: parsing \"0b\": invalid syntax"],
  ["ParseInt", "0b", 10, 32, "0", "strconv.ParseInt: parsing \"0b\": invalid syntax"],
  ["ParseInt", "0b", 36, 64, "11", ""],
  ["ParseUint", "0b", 0, 64, "0", "strconv.ParseUint: parsing \"0b\": invalid syntax"],
  ["ParseUint", "0b", 10, 32, "0", "strconv.ParseUint: parsing \"0b\": invalid syntax"],
  ["ParseInt", "0b101", 0, 64, "5", ""],
  ["ParseInt", "0b101", 10, 32, "0", "strconv.ParseInt: parsing \"0b101\": invalid syntax"],
  ["ParseInt", "0b101", 36, 64, "514513", ""],
  ["ParseUint", "0b101", 0, 64, "5", ""],
  ["ParseUint", "0b101", 10, 32, "0", "strconv.ParseUint: parsing \"0b101\": invalid syntax"],
  ["ParseInt", "0B101", 0, 64, "5", ""],
  ["ParseInt", "0B101", 10, 32, "0", "strconv.ParseInt: parsing \"0B101\": invalid syntax"],
  ["ParseInt", "0B101", 36, 64, "514513", ""],
  ["ParseUint", "0B101", 0, 64, "5", ""],
  ["ParseUint", "0B101", 10, 32, "0", "strconv.ParseUint: parsing \"0B101\": invalid syntax"],
  ["ParseInt", "0o377", 0, 64, "255", ""],
  ["ParseInt", "0o377", 10, 32, "0", "strconv.ParseInt: parsing \"0o377\": invalid syntax"],
  ["ParseInt", "0o377", 36, 64, "1123891", ""],
  ["ParseUint", "0o377", 0, 64, "255", ""],
  ["ParseUint", "0o377", 10, 32, "0", "strconv.ParseUint: parsing \"0o377\": invalid syntax"],
  ["ParseInt", "0O377", 0, 64, "255", ""],
  ["ParseInt", "0O377", 10, 32, "0", "strconv.ParseInt: parsing \"0O377\": invalid syntax"],
  ["ParseInt", "0O377", 36, 64, "1123891", ""],
  ["ParseUint", "0O377", 0, 64, "255", ""],
  ["ParseUint", "0O377", 10, 32, "0", "strconv.ParseUint: parsing \"0O377\": invalid syntax"],
  ["ParseInt", "0o", 0, 64, "0", "strconv.ParseInt: parsing \"0o\": invalid syntax"],
  ["ParseInt", "0o", 10, 32, "0", "strconv.ParseInt: parsing \"0o\": invalid syntax"],
  ["ParseInt", "0o", 36, 64, "24", ""],
  ["ParseUint", "0o", 0, 64, "0", "strconv.ParseUint: parsing \"0o\": invalid syntax"],
  ["ParseUint", "0o", 10, 32, "0", "strconv.ParseUint: parsing \"0o\": invalid syntax"],
  ["ParseInt", "1_2_3_4_5", 0, 64, "12345", ""],
  ["ParseInt", "1_2_3_4_5", 10, 32, "0", "strconv.ParseInt: parsing \"1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "1_2_3_4_5", 36, 64, "0", "strconv.ParseInt: parsing \"1_2_3_4_5\": invalid syntax"],
  ["ParseUint", "1_2_3_4_5", 0, 64, "12345", ""],
  ["ParseUint", "1_2_3_4_5", 10, 32, "0", "strconv.ParseUint: parsing \"1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "_12345", 0, 64, "0", "strconv.ParseInt: parsing \"_12345\": invalid syntax"],
  ["ParseInt", "_12345", 10, 32, "0", "strconv.ParseInt: parsing \"_12345\": invalid syntax"],
  ["ParseInt", "_12345", 36, 64, "0", "strconv.ParseInt: parsing \"_12345\": invalid syntax"],
  ["ParseUint", "_12345", 0, 64, "0", "strconv.ParseUint: parsing \"_12345\": invalid syntax"],
  ["ParseUint", "_12345", 10, 32, "0", "strconv.ParseUint: parsing \"_12345\": invalid syntax"],
  ["ParseInt", "1__2345", 0, 64, "0", "strconv.ParseInt: parsing \"1__2345\": invalid syntax"],
  ["ParseInt", "1__2345", 10, 32, "0", "strconv.ParseInt: parsing \"1__2345\": invalid syntax"],
  ["ParseInt", "1__2345", 36, 64, "0", "strconv.ParseInt: parsing \"1__2345\": invalid syntax"],
  ["ParseUint", "1__2345", 0, 64, "0", "strconv.ParseUint: parsing \"1__2345\": invalid syntax"],
  ["ParseUint", "1__2345", 10, 32, "0", "strconv.ParseUint: parsing \"1__2345\": invalid syntax"],
  ["ParseInt", "12345_", 0, 64, "0", "strconv.ParseInt: parsing \"12345_\": invalid syntax"],
  ["ParseInt", "12345_", 10, 32, "0", "strconv.ParseInt: parsing \"12345_\": invalid syntax"],
  ["ParseInt", "12345_", 36, 64, "0", "strconv.ParseInt: parsing \"12345_\": invalid syntax"],
  ["ParseUint", "12345_", 0, 64, "0", "strconv.ParseUint: parsing \"12345_\": invalid syntax"],
  ["ParseUint", "12345_", 10, 32, "0", "strconv.ParseUint: parsing \"12345_\": invalid syntax"],
  ["ParseInt", "0x_1_2_3_4_5", 0, 64, "74565", ""],
  ["ParseInt", "0x_1_2_3_4_5", 10, 32, "0", "strconv.ParseInt: parsing \"0x_1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "0x_1_2_3_4_5", 36, 64, "0", "strconv.ParseInt: parsing \"0x_1_2_3_4_5\": invalid syntax"],
  ["ParseUint", "0x_1_2_3_4_5", 0, 64, "74565", ""],
  ["ParseUint", "0x_1_2_3_4_5", 10, 32, "0", "strconv.ParseUint: parsing \"0x_1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "0x__12345", 0, 64, "0", "strconv.ParseInt: parsing \"0x__12345\": invalid syntax"],
  ["ParseInt", "0x__12345", 10, 32, "0", "strconv.ParseInt: parsing \"0x__12345\": invalid syntax"],
  ["ParseInt", "0x__12345", 36, 64, "0", "strconv.ParseInt: parsing \"0x__12345\": invalid syntax"],
  ["ParseUint", "0x__12345", 0, 64, "0", "strconv.ParseUint: parsing \"0x__12345\": invalid syntax"],
  ["ParseUint", "0x__12345", 10, 32, "0", "strconv.ParseUint: parsing \"0x__12345\": invalid syntax"],
  ["ParseInt", "0_1_2_3_4_5", 0, 64, "5349", ""],
  ["ParseInt", "0_1_2_3_4_5", 10, 32, "0", "strconv.ParseInt: parsing \"0_1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "0_1_2_3_4_5", 36, 64, "0", "strconv.ParseInt: parsing \"0_1_2_3_4_5\": invalid syntax"],
  ["ParseUint", "0_1_2_3_4_5", 0, 64, "5349", ""],
  ["ParseUint", "0_1_2_3_4_5", 10, 32, "0", "strconv.ParseUint: parsing \"0_1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "0b_1_0_1", 0, 64, "5", ""],
  ["ParseInt", "0b_1_0_1", 10, 32, "0", "strconv.ParseInt: parsing \"0b_1_0_1\": invalid syntax"],
  ["ParseInt", "0b_1_0_1", 36, 64, "0", "strconv.ParseInt: parsing \"0b_1_0_1\": invalid syntax"],
  ["ParseUint", "0b_1_0_1", 0, 64, "5", ""],
  ["ParseUint", "0b_1_0_1", 10, 32, "0", "strconv.ParseUint: parsing \"0b_1_0_1\": invalid syntax"],
  ["ParseInt", "-1_2_3_4_5", 0, 64, "-12345", ""],
  ["ParseInt", "-1_2_3_4_5", 10, 32, "0", "strconv.ParseInt: parsing \"-1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "-1_2_3_4_5", 36, 64, "0", "strconv.ParseInt: parsing \"-1_2_3_4_5\": invalid syntax"],
  ["ParseUint", "-1_2_3_4_5", 0, 64, "0", "strconv.ParseUint: parsing \"-1_2_3_4_5\": invalid syntax"],
  ["ParseUint", "-1_2_3_4_5", 10, 32, "0", "strconv.ParseUint: parsing \"-1_2_3_4_5\": invalid syntax"],
  ["ParseInt", "-_12345", 0, 64, "0", "strconv.ParseInt: parsing \"-_12345\": invalid syntax"],
  ["ParseInt", "-_12345", 10, 32, "0", "strconv.ParseInt: parsing \"-_12345\": invalid syntax"],
  ["ParseInt", "-_12345", 36, 64, "0", "strconv.ParseInt: parsing \"-_12345\": invalid syntax"],
  ["ParseUint", "-_12345", 0, 64, "0", "strconv.ParseUint: parsing \"-_12345\": invalid syntax"],
  ["ParseUint", "-_12345", 10, 32, "0", "strconv.ParseUint: parsing \"-_12345\": invalid syntax"],
  ["ParseInt", "123%45", 0, 64, "0", "strconv.ParseInt: parsing \"123%45\": invalid syntax"],
  ["ParseInt", "123%45", 10, 32, "0", "strconv.ParseInt: parsing \"123%45\": invalid syntax"],
  ["ParseInt", "123%45", 36, 64, "0", "strconv.ParseInt: parsing \"123%45\": invalid syntax"],
  ["ParseUint", "123%45", 0, 64, "0", "strconv.ParseUint: parsing \"123%45\": invalid syntax"],
  ["ParseUint", "123%45", 10, 32, "0", "strconv.ParseUint: parsing \"123%45\": invalid syntax"],
  ["ParseInt", "127", 0, 64, "127", ""],
  ["ParseInt", "127", 10, 32, "127", ""],
  ["ParseInt", "127", 36, 64, "1375", ""],
  ["ParseUint", "127", 0, 64, "127", ""],
  ["ParseUint", "127", 10, 32, "127", ""],
  ["ParseInt", "128", 0, 64, "128", ""],
  ["ParseInt", "128", 10, 32, "128", ""],
  ["ParseInt", "128", 36, 64, "1376", ""],
  ["ParseUint", "128", 0, 64, "128", ""],
  ["ParseUint", "128", 10, 32, "128", ""],
  ["ParseInt", "-128", 0, 64, "-128", ""],
  ["ParseInt", "-128", 10, 32, "-128", ""],
  ["ParseInt", "-128", 36, 64, "-1376", ""],
  ["ParseUint", "-128", 0, 64, "0", "strconv.ParseUint: parsing \"-128\": invalid syntax"],
  ["ParseUint", "-128", 10, 32, "0", "strconv.ParseUint: parsing \"-128\": invalid syntax"],
  ["ParseInt", "-129", 0, 64, "-129", ""],
  ["ParseInt", "-129", 10, 32, "-129", ""],
  ["ParseInt", "-129", 36, 64, "-1377", ""],
  ["ParseUint", "-129", 0, 64, "0", "strconv.ParseUint: parsing \"-129\": invalid syntax"],
  ["ParseUint", "-129", 10, 32, "0", "strconv.ParseUint: parsing \"-129\": invalid syntax"],
  ["ParseInt", "255", 0, 64, "255", ""],
  ["ParseInt", "255", 10, 32, "255", ""],
  ["ParseInt", "255", 36, 64, "2777", ""],
  ["ParseUint", "255", 0, 64, "255", ""],
  ["ParseUint", "255", 10, 32, "255", ""],
  ["ParseInt", "256", 0, 64, "256", ""],
  ["ParseInt", "256", 10, 32, "256", ""],
  ["ParseInt", "256", 36, 64, "2778", ""],
  ["ParseUint", "256", 0, 64, "256", ""],
  ["ParseUint", "256", 10, 32, "256", ""],
  ["ParseInt", "2147483647", 0, 64, "2147483647", ""],
  ["ParseInt", "2147483647", 10, 32, "2147483647", ""],
  ["ParseInt", "2147483647", 36, 64, "206269972826551", ""],
  ["ParseUint", "2147483647", 0, 64, "2147483647", ""],
  ["ParseUint", "2147483647", 10, 32, "2147483647", ""],
  ["ParseInt", "2147483648", 0, 64, "2147483648", ""],
  ["ParseInt", "2147483648", 10, 32, "2147483647", "strconv.ParseInt: parsing \"2147483648\": value out of range"],
  ["ParseInt", "2147483648", 36, 64, "206269972826552", ""],
  ["ParseUint", "2147483648", 0, 64, "2147483648", ""],
  ["ParseUint", "2147483648", 10, 32, "2147483648", ""],
  ["ParseInt", "-2147483648", 0, 64, "-2147483648", ""],
  ["ParseInt", "-2147483648", 10, 32, "-2147483648", ""],
  ["ParseInt", "-2147483648", 36, 64, "-206269972826552", ""],
  ["ParseUint", "-2147483648", 0, 64, "0", "strconv.ParseUint: parsing \"-2147483648\": invalid syntax"],
  ["ParseUint", "-2147483648", 10, 32, "0", "strconv.ParseUint: parsing \"-2147483648\": invalid syntax"],
  ["ParseInt", "-2147483649", 0, 64, "-2147483649", ""],
  ["ParseInt", "-2147483649", 10, 32, "-2147483648", "strconv.ParseInt: parsing \"-2147483649\": value out of range"],
  ["ParseInt", "-2147483649", 36, 64, "-206269972826553", ""],
  ["ParseUint", "-2147483649", 0, 64, "0", "strconv.ParseUint: parsing \"-2147483649\": invalid syntax"],
  ["ParseUint", "-2147483649", 10, 32, "0", "strconv.ParseUint: parsing \"-2147483649\": invalid syntax"],
  ["ParseInt", "4294967295", 0, 64, "4294967295", ""],
  ["ParseInt", "4294967295", 10, 32, "2147483647", "strconv.ParseInt: parsing \"4294967295\": value out of range"],
  ["ParseInt", "4294967295", 36, 64, "412596585697577", ""],
  ["ParseUint", "4294967295", 0, 64, "4294967295", ""],
  ["ParseUint", "4294967295", 10, 32, "4294967295", ""],
  ["ParseInt", "4294967296", 0, 64, "4294967296", ""],
  ["ParseInt", "4294967296", 10, 32, "2147483647", "strconv.ParseInt: parsing \"4294967296\": value out of range"],
  ["ParseInt", "4294967296", 36, 64, "412596585697578", ""],
  ["ParseUint", "4294967296", 0, 64, "4294967296", ""],
  ["ParseUint", "4294967296", 10, 32, "4294967295", "strconv.ParseUint: parsing \"4294967296\": value out of range"],
  ["ParseInt", "zz", 0, 64, "0", "strconv.ParseInt: parsing \"zz\": invalid syntax"],
  ["ParseInt", "zz", 10, 32, "0", "strconv.ParseInt: parsing \"zz\": invalid syntax"],
  ["ParseInt", "zz", 36, 64, "1295", ""],
  ["ParseUint", "zz", 0, 64, "0", "strconv.ParseUint: parsing \"zz\": invalid syntax"],
  ["ParseUint", "zz", 10, 32, "0", "strconv.ParseUint: parsing \"zz\": invalid syntax"],
  ["ParseInt", "ZZ", 0, 64, "0", "strconv.ParseInt: parsing \"ZZ\": invalid syntax"],
  ["ParseInt", "ZZ", 10, 32, "0", "strconv.ParseInt: parsing \"ZZ\": invalid syntax"],
  ["ParseInt", "ZZ", 36, 64, "1295", ""],
  ["ParseUint", "ZZ", 0, 64, "0", "strconv.ParseUint: parsing \"ZZ\": invalid syntax"],
  ["ParseUint", "ZZ", 10, 32, "0", "strconv.ParseUint: parsing \"ZZ\": invalid syntax"],
  ["ParseInt", "1e3", 0, 64, "0", "strconv.ParseInt: parsing \"1e3\": invalid syntax"],
  ["ParseInt", "1e3", 10, 32, "0", "strconv.ParseInt: parsing \"1e3\": invalid syntax"],
  ["ParseInt", "1e3", 36, 64, "1803", ""],
  ["ParseUint", "1e3", 0, 64, "0", "strconv.ParseUint: parsing \"1e3\": invalid syntax"],
  ["ParseUint", "1e3", 10, 32, "0", "strconv.ParseUint: parsing \"1e3\": invalid syntax"],
  ["ParseInt", " 1", 0, 64, "0", "strconv.ParseInt: parsing \" 1\": invalid syntax"],
  ["ParseInt", " 1", 10, 32, "0", "strconv.ParseInt: parsing \" 1\": invalid syntax"],
  ["ParseInt", " 1", 36, 64, "0", "strconv.ParseInt: parsing \" 1\": invalid syntax"],
  ["ParseUint", " 1", 0, 64, "0", "strconv.ParseUint: parsing \" 1\": invalid syntax"],
  ["ParseUint", " 1", 10, 32, "0", "strconv.ParseUint: parsing \" 1\": invalid syntax"],
  ["ParseInt", "1 ", 0, 64, "0", "strconv.ParseInt: parsing \"1 \": invalid syntax"],
  ["ParseInt", "1 ", 10, 32, "0", "strconv.ParseInt: parsing \"1 \": invalid syntax"],
  ["ParseInt", "1 ", 36, 64, "0", "strconv.ParseInt: parsing \"1 \": invalid syntax"],
  ["ParseUint", "1 ", 0, 64, "0", "strconv.ParseUint: parsing \"1 \": invalid syntax"],
  ["ParseUint", "1 ", 10, 32, "0", "strconv.ParseUint: parsing \"1 \": invalid syntax"],
  ["ParseInt", "\u00e9", 0, 64, "0", "strconv.ParseInt: parsing \"\u00e9\": invalid syntax"],
  ["ParseInt", "\u00e9", 10, 32, "0", "strconv.ParseInt: parsing \"\u00e9\": invalid syntax"],
  ["ParseInt", "\u00e9", 36, 64, "0", "strconv.ParseInt: parsing \"\u00e9\": invalid syntax"],
  ["ParseUint", "\u00e9", 0, 64, "0", "strconv.ParseUint: parsing \"\u00e9\": invalid syntax"],
  ["ParseUint", "\u00e9", 10, 32, "0", "strconv.ParseUint: parsing \"\u00e9\": invalid syntax"],
  ["ParseInt", "1", 1, 64, "0", "strconv.ParseInt: parsing \"1\": invalid base 1"],
  ["ParseInt", "1", 37, 64, "0", "strconv.ParseInt: parsing \"1\": invalid base 37"],
  ["ParseInt", "1", 10, 65, "0", "strconv.ParseInt: parsing \"1\": invalid bit size 65"],
  ["ParseUint", "1", 10, -1, "0", "strconv.ParseUint: parsing \"1\": invalid bit size -1"],
];

