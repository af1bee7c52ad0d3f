/**
 * Release actions both ways with the real helm v3.17.2 and v4.1.4: what Capstan does, helm shows and can
 * roll back and uninstall; what helm does, Capstan shows and continues.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capstan, helm, ok } from '../support/capstan-cli.ts';
import { testNamespace } from '../support/cluster.ts';

const hooked = join(import.meta.dirname, '..', 'fixtures', 'charts', 'hooked');

interface HistoryRow { revision: number; status: string; chart: string; app_version: string; description: string }
const history = async (tool: 'capstan' | 'helm', ns: string, name = 'app'): Promise<HistoryRow[]> =>
  JSON.parse(await ok(tool === 'capstan' ? capstan(['history', name, '-n', ns, '-o', 'json']) : helm(['history', name, '-n', ns, '-o', 'json']), `${tool} history`)) as HistoryRow[];
const strip = (rows: HistoryRow[]) => rows.map((r) => [r.revision, r.status, r.chart, r.app_version, r.description]);

for (const major of ['v3', 'v4'] as const) {
  test(`Capstan installs, upgrades twice and rolls back; helm ${major} shows the same and can roll back and uninstall`, async () => {
    const ns = await testNamespace(`cap2helm${major}`);
    await ok(capstan(['install', 'app', hooked, '-n', ns, '--set', 'greeting=one', '--wait', '--timeout', '2m']), 'install');
    await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=two', '--wait']), 'upgrade 1');
    await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=three', '--wait']), 'upgrade 2');
    await ok(capstan(['rollback', 'app', '2', '-n', ns, '--wait']), 'rollback');

    const ours = await history('capstan', ns);
    assert.deepEqual(strip(ours), [
      [1, 'superseded', 'hooked-1.0.0', '2.0', 'Install complete'],
      [2, 'superseded', 'hooked-1.0.0', '2.0', 'Upgrade complete'],
      [3, 'superseded', 'hooked-1.0.0', '2.0', 'Upgrade complete'],
      [4, 'deployed', 'hooked-1.0.0', '2.0', 'Rollback to 2'],
    ]);
    if (major === 'v3') assert.deepEqual(strip(await history('helm', ns)), strip(ours));
    else assert.deepEqual(strip(JSON.parse(await ok(helm(['history', 'app', '-n', ns, '-o', 'json'], 'v4'))) as HistoryRow[]), strip(ours));

    const list = JSON.parse(await ok(helm(['list', '-A', '-o', 'json'], major))) as { name: string; namespace: string; revision: string; status: string }[];
    assert.deepEqual(list.filter((r) => r.namespace === ns).map((r) => [r.name, r.revision, r.status]), [['app', '4', 'deployed']]);
    for (const what of ['values', 'manifest', 'notes', 'hooks']) {
      const theirs = await ok(helm(['get', what, 'app', '-n', ns], major), `helm get ${what}`);
      const mine = await ok(capstan(['get', what, 'app', '-n', ns]), `capstan get ${what}`);
      assert.equal(mine, theirs, `get ${what} agrees`);
    }
    assert.match(await ok(helm(['get', 'values', 'app', '-n', ns], major)), /greeting: two/);
    assert.match(await ok(helm(['get', 'notes', 'app', '-n', ns], major)), /app greets with "two" at revision 2\./);
    const status = await ok(helm(['status', 'app', '-n', ns], major));
    assert.match(status, /STATUS: deployed\nREVISION: 4\n/);

    await ok(helm(['rollback', 'app', '1', '-n', ns], major), 'helm rollback');
    const after = await history('capstan', ns);
    assert.deepEqual(after.at(-1) && [after.at(-1)?.revision, after.at(-1)?.status, after.at(-1)?.description], [5, 'deployed', 'Rollback to 1']);
    assert.match(await ok(capstan(['get', 'values', 'app', '-n', ns])), /greeting: one/);
    await ok(helm(['uninstall', 'app', '-n', ns], major), 'helm uninstall');
    assert.equal((await capstan(['history', 'app', '-n', ns])).stderr.trim(), 'Error: release: not found');
  });
}

test('helm installs, upgrades twice and rolls back; Capstan agrees, upgrades it, and helm history continues', async () => {
  const ns = await testNamespace('helm2cap');
  await ok(helm(['install', 'app', hooked, '-n', ns, '--set', 'greeting=h1']), 'helm install');
  await ok(helm(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=h2']), 'helm upgrade');
  await ok(helm(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=h3']), 'helm upgrade');
  await ok(helm(['rollback', 'app', '1', '-n', ns]), 'helm rollback');
  assert.deepEqual(strip(await history('capstan', ns)), strip(await history('helm', ns)));
  assert.equal(await ok(capstan(['get', 'values', 'app', '-n', ns])), await ok(helm(['get', 'values', 'app', '-n', ns])));
  assert.match(await ok(capstan(['status', 'app', '-n', ns])), /REVISION: 4\n/);

  await ok(capstan(['upgrade', 'app', hooked, '-n', ns, '--set', 'greeting=capstan', '--wait']), 'capstan upgrade');
  const h = await history('helm', ns);
  assert.deepEqual(h.map((r) => [r.revision, r.status]), [[1, 'superseded'], [2, 'superseded'], [3, 'superseded'], [4, 'superseded'], [5, 'deployed']]);
  assert.match(await ok(helm(['get', 'values', 'app', '-n', ns])), /greeting: capstan/);
  // the objects helm created were adopted in place
  assert.match(await ok(helm(['get', 'manifest', 'app', '-n', ns])), /greeting: "capstan"/);
});
