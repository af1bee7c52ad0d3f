import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import { goExpand } from '../../../src/image/policy/index.ts';

/** Expands `template` for the first match of `pattern` in `input`, as Go's FindStringSubmatchIndex + ExpandString. */
function expand(pattern: string, input: string, template: string): string {
  const re = RE2JS.compile(pattern);
  const m = re.matcher(input);
  assert.ok(m.find());
  const groups: (string | null)[] = [];
  for (let i = 0; i <= re.groupCount(); i++) groups.push(m.group(i));
  return goExpand(template, { groups, names: re.namedGroups() });
}

// expected values are what Go 1.22's regexp.ExpandString returns for the same input
const cases: [string, string, string, string, string][] = [
  ['numbered group', '(\\w+)-(\\d+)', 'app-42', '$2', '42'],
  ['named group', '(?P<name>\\w+)-(?P<n>\\d+)', 'app-42', '$n/$name', '42/app'],
  ['braces', '(\\w+)-(\\d+)', 'app-42', '${1}x', 'appx'],
  ['$1x is the group named 1x, which does not exist', '(\\w+)-(\\d+)', 'app-42', '$1x', ''],
  ['$$ is a dollar', '(\\d+)', '42', '$$$1', '$42'],
  ['a lone $ at the end stays', '(\\d+)', '42', 'v$', 'v$'],
  ['$ before a non-name character stays', '(\\d+)', '42', '$-$1', '$-42'],
  ['an unclosed brace keeps the $', '(\\d+)', '42', '${1', '${1'],
  ['${} is not a name', '(\\d+)', '42', '${}', '${}'],
  ['out of range group is empty', '(\\d+)', '42', '[$7]', '[]'],
  ['group 0 is the whole match', 'b+', 'abbbc', '<$0>', '<bbb>'],
  ['a group that did not take part is empty', 'a(x)?(b)', 'ab', '[$1][$2]', '[][b]'],
  ['a leading zero makes it a name, not a number', '(\\d+)', '42', '[$01]', '[]'],
  ['unknown names are empty', '(?P<a>\\d+)', '42', '[$b]', '[]'],
  ['names run over letters, digits and _', '(?P<ts>\\d+)', '42', '$ts_v', ''],
  ['unicode letters belong to names in templates', '(\\d+)', '42', '[$1é]', '[]'],
  ['the match is unanchored', '(\\d+)$', 'build-2024', '$1', '2024'],
];

for (const [name, pattern, input, template, want] of cases) {
  test(`Go Expand: ${name}`, () => {
    assert.equal(expand(pattern, input, template), want);
  });
}
