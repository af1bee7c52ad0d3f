import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectLatest, type TagPolicy } from '../../../src/image/policy/index.ts';

const semver = (range: string): TagPolicy => ({ policy: { semver: { range } } });
const pick = (tags: string[], p: TagPolicy | string, exclude: string[]): string | undefined =>
  selectLatest(tags, p, { exclude: new Set(exclude) })?.tag;

// [name, tags, policy, exclude, expected]
const cases: [string, string[], TagPolicy | string, string[], string | undefined][] = [
  ['no exclusions: the highest', ['1.0.0', '1.1.0'], semver('*'), [], '1.1.0'],
  ['the bad tag is not chosen, and nothing older is either', ['1.0.0', '1.1.0'], semver('*'), ['1.1.0'], undefined],
  ['a newer tag lifts the hold', ['1.0.0', '1.1.0', '1.2.0'], semver('*'), ['1.1.0'], '1.2.0'],
  ['the hold survives the bad tag being deleted from the registry', ['1.0.0'], semver('*'), ['1.1.0'], undefined],
  ['a tag the policy ranks equal to the bad one is not newer', ['1.0.0', '1.1.0', '1.1.0+rebuild', 'v1.1.0'], semver('*'), ['1.1.0'], undefined],
  ['the highest excluded tag is the bar', ['1.2.0', '1.3.0', '1.4.0'], semver('*'), ['1.1.0', '1.3.0'], '1.4.0'],
  ['nothing above the highest bar', ['1.2.0', '1.3.0'], semver('*'), ['1.1.0', '1.3.0'], undefined],
  ['an excluded tag outside the range does not hold anything back', ['1.4.0', '1.5.0'], semver('<1.5'), ['1.5.0'], '1.4.0'],
  ['an excluded tag that is not a version does not count', ['1.0.0', '1.1.0'], semver('*'), ['latest'], '1.1.0'],
  ['an excluded pre-release counts only when the range admits pre-releases', ['1.0.0', '1.1.0-rc.1'], semver('>=1.0.0-0'), ['1.1.0-rc.1'], undefined],
  ['the same excluded pre-release is ignored by a release-only range', ['1.0.0', '1.1.0-rc.1'], semver('*'), ['1.1.0-rc.1'], '1.0.0'],
  ['glob: natural order decides what is newer', ['app-v9', 'app-v10', 'app-v11'], { policy: { glob: 'app-v*' } }, ['app-v10'], 'app-v11'],
  ['Flux v1 annotation string', ['app-v9', 'app-v10'], 'glob:app-v*', ['app-v10'], undefined],
  ['alphabetical desc: "newer" means preferred, i.e. lower', ['a', 'b', 'c'], { policy: { alphabetical: { order: 'desc' } } }, ['b'], 'a'],
  ['alphabetical desc: holding the preferred one back', ['a', 'b', 'c'], { policy: { alphabetical: { order: 'desc' } } }, ['a'], undefined],
  ['numerical: 1.0 is not newer than an excluded 1', ['1', '1.0', '2'], { policy: { numerical: {} } }, ['1'], '2'],
  ['filterTags: exclusions are compared on extracted values', ['main-a-100', 'main-b-200', 'main-c-300'],
    { filterTags: { pattern: '^main-[a-z]-(?P<ts>[0-9]+)$', extract: '$ts' }, policy: { numerical: {} } }, ['main-c-300'], undefined],
  ['filterTags: an excluded tag the filter drops does not count', ['main-a-100', 'main-b-200'],
    { filterTags: { pattern: '^main-', extract: '' }, policy: { alphabetical: {} } }, ['other-z'], 'main-b-200'],
];

for (const [name, tags, policy, exclude, want] of cases) {
  test(`exclude: ${name}`, () => {
    assert.equal(pick(tags, policy, exclude), want);
  });
}
