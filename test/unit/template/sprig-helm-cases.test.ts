/**
 * End-to-end: snippets using the crypto, semver, date, url and network functions, rendered through the
 * whole engine (src/render/conformance-case.ts, the conformance harness) and compared with what the real
 * Helm 3.17.2 printed for them (cases made like ../shared/conformance's: same wrapper chart, UTC machine).
 *
 * Printing a time.Time / semver.Version / time.Month value needs fmt to honour value-receiver String
 * methods on struct values (FuncDefs marked `receiver: 'value'`, see src/template/funcs/receiver.ts);
 * until the printer does, those cases are reported as todo instead of failing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, type ConformanceCase } from '../../../src/render/conformance-case.ts';

const CASES: readonly ConformanceCase[] = [
  {"id": "extra.000", "area": "sprig", "snippet": "{{ now | typeOf }}", "expect": "time.Time"},
  {"id": "extra.001", "area": "sprig", "snippet": "{{ (now).Location }}", "expect": "Local"},
  {"id": "extra.002", "area": "sprig", "snippet": "{{ date \"2006-01-02 15:04:05.000 MST\" (toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2024-07-04T12:34:56.789+02:00\") }}", "expect": "2024-07-04 10:34:56.789 UTC"},
  {"id": "extra.003", "area": "sprig", "snippet": "{{ dateInZone \"Mon, 02 Jan 2006 15:04:05 -0700\" (toDate \"2006-01-02\" \"2024-07-04\") \"America/Los_Angeles\" }}", "expect": "Wed, 03 Jul 2024 17:00:00 -0700"},
  {"id": "extra.004", "area": "sprig", "snippet": "{{ dateInZone \"2006-01-02T15:04:05Z07:00\" 1700000000 \"Europe/Paris\" }}", "expect": "2023-11-14T23:13:20+01:00"},
  {"id": "extra.005", "area": "sprig", "snippet": "{{ htmlDate (toDate \"2006-01-02\" \"2024-07-04\") }}", "expect": "2024-07-04"},
  {"id": "extra.006", "area": "sprig", "snippet": "{{ htmlDateInZone (toDate \"2006-01-02 15:04\" \"2024-07-04 23:30\") \"Asia/Tokyo\" }}", "expect": "2024-07-05"},
  {"id": "extra.007", "area": "sprig", "snippet": "{{ toDate \"2006-01-02\" \"2024-07-04\" | unixEpoch }}", "expect": "1720051200"},
  {"id": "extra.008", "area": "sprig", "snippet": "{{ (toDate \"2006-01-02\" \"2024-07-04\").YearDay }}", "expect": "186"},
  {"id": "extra.009", "area": "sprig", "snippet": "{{ (toDate \"2006-01-02\" \"2024-07-04\").AddDate 0 0 30 | date \"2006-01-02\" }}", "expect": "2024-08-03"},
  {"id": "extra.010", "area": "sprig", "snippet": "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-07-04T12:00:00+05:30\" }}", "expect": "2024-07-04 12:00:00 +0530 +0530"},
  {"id": "extra.011", "area": "sprig", "snippet": "{{ toDate \"Jan 2 2006 3:04PM\" \"Feb 29 2024 11:59PM\" }}", "expect": "2024-02-29 23:59:00 +0000 UTC"},
  {"id": "extra.012", "area": "sprig", "snippet": "{{ mustToDate \"2006-01-02\" \"2024-13-01\" }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <mustToDate \"2006-01-02\" \"2024-13-01\">: error calling mustToDate: parsing time \"2024-13-01\": month out of range"},
  {"id": "extra.013", "area": "sprig", "snippet": "{{ toDate \"2006-01-02\" \"2024-07-04\" | dateModify \"-48h\" | date \"Jan 2\" }}", "expect": "Jul 2"},
  {"id": "extra.014", "area": "sprig", "snippet": "{{ durationRound \"8760h1s\" }} {{ durationRound \"721h\" }} {{ durationRound \"25h\" }} {{ durationRound \"61s\" }}", "expect": "1y 1mo 1d 1m"},
  {"id": "extra.015", "area": "sprig", "snippet": "{{ duration \"-90\" }} {{ duration \"abc\" }}", "expect": "-1m30s 0s"},
  {"id": "extra.016", "area": "sprig", "snippet": "{{ (toDate \"2006\" \"2024\").Sub (toDate \"2006\" \"2023\") }}", "expect": "8760h0m0s"},
  {"id": "extra.017", "area": "sprig", "snippet": "{{ (toDate \"2006-01-02 15:04:05\" \"2024-01-01 10:30:45\").Truncate 3600000000000 }}", "expect": "2024-01-01 10:00:00 +0000 UTC"},
  {"id": "extra.018", "area": "sprig", "snippet": "{{ toDate \"2006-01-02\" \"2024-07-04\" | toJson }}", "expect": "\"2024-07-04T00:00:00Z\""},
  {"id": "extra.019", "area": "sprig", "snippet": "{{ dict \"t\" (toDate \"2006-01-02\" \"2024-07-04\") | toYaml }}", "expect": "t: \"2024-07-04T00:00:00Z\""},
  {"id": "extra.020", "area": "sprig", "snippet": "{{ semver \"1.2.3-alpha.1+meta\" | toJson }}", "expect": "\"1.2.3-alpha.1+meta\""},
  {"id": "extra.021", "area": "sprig", "snippet": "{{ (semver \"2.0.0\").GreaterThan (semver \"1.9.9\") }}", "expect": "true"},
  {"id": "extra.022", "area": "sprig", "snippet": "{{ (semver \"1.2.3\").IncPatch }} {{ (semver \"1.2.3-rc1\").IncPatch }} {{ (semver \"v1.2.3\").IncMajor }}", "expect": "1.2.4 1.2.3 2.0.0"},
  {"id": "extra.023", "area": "sprig", "snippet": "{{ semverCompare \"~1\" \"1.9.9\" }} {{ semverCompare \"^0.0.3\" \"0.0.4\" }} {{ semverCompare \"!=1.x\" \"1.5.0\" }}", "expect": "true false false"},
  {"id": "extra.024", "area": "sprig", "snippet": "{{ semverCompare \">= 1.0.0, < 2.0.0 || 3.x\" \"3.4.5\" }}", "expect": "true"},
  {"id": "extra.025", "area": "sprig", "snippet": "{{ semverCompare \"1.0 - 2.0\" \"2.0.5\" }}", "expect": "true"},
  {"id": "extra.026", "area": "sprig", "snippet": "{{ semverCompare \"=>1.0\" \"1.0.0\" }}", "expect": "true"},
  {"id": "extra.027", "area": "sprig", "snippet": "{{ semverCompare \">=1.0.0-beta\" \"1.0.0-alpha\" }}", "expect": "false"},
  {"id": "extra.028", "area": "sprig", "snippet": "{{ semverCompare \"garbage\" \"1.0.0\" }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <semverCompare \"garbage\" \"1.0.0\">: error calling semverCompare: improper constraint: garbage"},
  {"id": "extra.029", "area": "sprig", "snippet": "{{ semverCompare \"^1.2\" \"1.2.3.4\" }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <semverCompare \"^1.2\" \"1.2.3.4\">: error calling semverCompare: Invalid Semantic Version"},
  {"id": "extra.030", "area": "sprig", "snippet": "{{ urlParse \"ftp://anon@ftp.example.org:21/pub/file.txt;type=i\" | toJson }}", "expect": "{\"fragment\":\"\",\"host\":\"ftp.example.org:21\",\"hostname\":\"ftp.example.org\",\"opaque\":\"\",\"path\":\"/pub/file.txt;type=i\",\"query\":\"\",\"scheme\":\"ftp\",\"userinfo\":\"anon\"}"},
  {"id": "extra.031", "area": "sprig", "snippet": "{{ urlParse \"https://example.com/a%2Fb?x=%20y#top%20\" | toJson }}", "expect": "{\"fragment\":\"top \",\"host\":\"example.com\",\"hostname\":\"example.com\",\"opaque\":\"\",\"path\":\"/a/b\",\"query\":\"x=%20y\",\"scheme\":\"https\",\"userinfo\":\"\"}"},
  {"id": "extra.032", "area": "sprig", "snippet": "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"h.io\" \"path\" \"/a b\" \"fragment\" \"x y\" \"userinfo\" \"u:p@ss\") }}", "expect": "https://u:p%40ss@h.io/a%20b#x%20y"},
  {"id": "extra.033", "area": "sprig", "snippet": "{{ urlJoin (dict \"scheme\" \"https\" \"host\" 1) }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <urlJoin (dict \"scheme\" \"https\" \"host\" 1)>: error calling urlJoin: unable to parse host key, must be of type string, but int found"},
  {"id": "extra.034", "area": "sprig", "snippet": "{{ urlParse \"http://a b.com/\" }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <urlParse \"http://a b.com/\">: error calling urlParse: unable to parse url: parse \"http://a b.com/\": invalid character \" \" in host name"},
  {"id": "extra.035", "area": "sprig", "snippet": "{{ sha256sum \"héllo\" }} {{ sha512sum \"x\" | trunc 16 }} {{ adler32sum \"\" }}", "expect": "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179 a4abd4448c49562d 1"},
  {"id": "extra.036", "area": "sprig", "snippet": "{{ derivePassword 3 \"maximum\" \"Pw\" \"Üser\" \"ä.site\" }}", "expect": "dbTkEgUl^I)6y!bilH1;"},
  {"id": "extra.037", "area": "sprig", "snippet": "{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" | len }}", "expect": "14"},
  {"id": "extra.038", "area": "sprig", "snippet": "{{ htpasswd \"admin\" \"s3cret\" | trunc 13 }}", "expect": "admin:$2a$10$"},
  {"id": "extra.039", "area": "sprig", "snippet": "{{ genPrivateKey \"ecdsa\" | trunc 30 }}", "expect": "-----BEGIN EC PRIVATE KEY-----"},
  {"id": "extra.040", "area": "sprig", "snippet": "{{ $c := genSelfSignedCert \"foo\" (list \"10.0.0.1\") (list \"foo\") 1 }}{{ $c.Cert | trunc 27 }}", "expect": "-----BEGIN CERTIFICATE-----"},
  {"id": "extra.041", "area": "sprig", "snippet": "{{ $c := genSelfSignedCert \"foo\" (list \"999.0.0.1\") nil 1 }}{{ $c.Cert }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:27: executing \"vec\" at <genSelfSignedCert \"foo\" (list \"999.0.0.1\") nil 1>: error calling genSelfSignedCert: error parsing ip: 999.0.0.1"},
  {"id": "extra.042", "area": "sprig", "snippet": "{{ $c := genSelfSignedCert \"foo\" (list 5) nil 1 }}{{ $c.Cert }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:27: executing \"vec\" at <genSelfSignedCert \"foo\" (list 5) nil 1>: error calling genSelfSignedCert: error parsing ip: 5 is not a string"},
  {"id": "extra.043", "area": "sprig", "snippet": "{{ $ca := genCA \"ca\" 1 }}{{ $c := genSignedCert \"x\" nil nil 1 $ca }}{{ $c.Key | trunc 31 }}", "expect": "-----BEGIN RSA PRIVATE KEY-----"},
  {"id": "extra.044", "area": "sprig", "snippet": "{{ genCAWithKey \"x\" 1 \"-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n\" }}", "expectError": "Error: parse error at (conf/templates/_vec.tpl:1): unterminated quoted string"},
  {"id": "extra.045", "area": "sprig", "snippet": "{{ genCAWithKey \"x\" 1 \"-----BEGIN FOO PRIVATE KEY-----\nAAAA\n-----END FOO PRIVATE KEY-----\n\" }}", "expectError": "Error: parse error at (conf/templates/_vec.tpl:1): unterminated quoted string"},
  {"id": "extra.046", "area": "sprig", "snippet": "{{ genCA \"x\" 1 | toJson | fromJson | keys | sortAlpha }}", "expect": "[Cert Key]"},
  {"id": "extra.047", "area": "sprig", "snippet": "{{ printf \"%v\" (genCA \"x\" 1) | trunc 28 }}", "expect": "{-----BEGIN CERTIFICATE-----"},
  {"id": "extra.048", "area": "sprig", "snippet": "{{ encryptAES \"k\" \"secret\" | decryptAES \"k\" }}", "expect": "secret"},
  {"id": "extra.049", "area": "sprig", "snippet": "{{ decryptAES \"k\" \"AAAAAAAAAAAAAAAAAAAAAA==\" }}", "expectError": "Error: template: conf/templates/out.yaml:6:10: executing \"conf/templates/out.yaml\" at <include \"vec\" .>: error calling include: template: conf/templates/_vec.tpl:1:21: executing \"vec\" at <decryptAES \"k\" \"AAAAAAAAAAAAAAAAAAAAAA==\">: error calling decryptAES: runtime error: index out of range [-1]"},
  {"id": "extra.050", "area": "sprig", "snippet": "{{ randBytes 0 | len }} {{ randBytes 33 | len }}", "expect": "0 44"},
  {"id": "extra.051", "area": "sprig", "snippet": "{{ uuidv4 | len }}", "expect": "36"},
  {"id": "extra.052", "area": "sprig", "snippet": "{{ getHostByName \"example.invalid\" | quote }}", "expect": "\"\""},
  {"id": "extra.053", "area": "sprig", "snippet": "{{ ago (now) }}", "expect": "0s"},
  {"id": "extra.054", "area": "sprig", "snippet": "{{ date \"2006\" \"not a date\" | len }}", "expect": "4"},
  {"id": "extra.055", "area": "sprig", "snippet": "{{ unixEpoch (toDate \"2006\" \"1960\") }}", "expect": "-315619200"},
  {"id": "extra.056", "area": "sprig", "snippet": "{{ (toDate \"2006-01-02 MST\" \"2024-07-04 PDT\").Location }}", "expect": "PDT"},
  {"id": "extra.057", "area": "sprig", "snippet": "{{ toDate \"2006-01-02 -07:00\" \"2024-07-04 +24:00\" }}", "expect": "2024-07-04 00:00:00 +2400 +2400"},
  {"id": "extra.058", "area": "sprig", "snippet": "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-07-04T25:00:00Z\" }}", "expect": "0001-01-01 00:00:00 +0000 UTC"},
];

const printsStringers = runCase({ id: 'probe', area: 'sprig', snippet: '{{ toDate "2006" "2020" }}', expect: '2020-01-01 00:00:00 +0000 UTC' }).pass;

for (const c of CASES) {
  const result = runCase(c);
  const todo = !result.pass && !printsStringers && /\{[^"]*\}/.test(result.actual) ? 'fmt does not call value-receiver String methods yet' : false;
  test(`${c.id} ${c.snippet}`, { todo }, () => {
    assert.equal(result.actual, result.expected);
  });
}
