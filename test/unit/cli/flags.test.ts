/** pflag's stringToString as helm's `-l/--labels` reads it (src/cli/flags.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, stringToString, UsageError } from '../../../src/cli/flags.ts';

const labels = (...args: string[]) => stringToString(parse(args, { labels: { type: 'string', short: 'l', multiple: true } }), 'labels', 'l');

test('stringToString: CSV fields, first = splits, repeated uses add up, later keys win', () => {
  assert.equal(labels(), undefined);
  assert.deepEqual(labels('--labels', 'a=1,b=2'), { a: '1', b: '2' });
  assert.deepEqual(labels('-l', 'a=1', '-l', 'b=x=y', '--labels', 'a=3'), { a: '3', b: 'x=y' });
  assert.deepEqual(labels('-l', '"c=1,2",d='), { c: '1,2', d: '' });
  assert.deepEqual(labels('-l', '"e=say ""hi"""'), { e: 'say "hi"' });
  assert.deepEqual(labels('-l', ''), {});
  assert.throws(() => labels('-l', 'a=1,nope'), (e: unknown) => e instanceof UsageError && e.message === 'invalid argument "a=1,nope" for "-l, --labels" flag: nope must be formatted as key=value');
});
