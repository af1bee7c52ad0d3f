/** Output helpers matching helm's: uitable-style tables, Go time layouts, the status block. */
import type { Release } from '../release/index.ts';
import { formatGoTime } from '../release/index.ts';

/** helm's table printer: every cell padded to its column's width, columns joined by a tab. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, [...c].length); });
  return rows.map((r) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join('\t')).join('\n') + '\n';
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Go's time.ANSIC in UTC: `Mon Jan _2 15:04:05 2006`. */
export function ansic(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** Go's time.Time.String() in UTC: `2006-01-02 15:04:05.999999999 +0000 UTC`. */
export function goTimeString(r: Release['info']): string {
  const t = r?.last_deployed;
  if (!t) return '';
  const iso = formatGoTime({ ...t, offsetMinutes: 0 });
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]}${m[3] ?? ''} +0000 UTC` : iso;
}

export function chartName(r: Release): string {
  const md = r.chart?.metadata;
  return md ? `${md.name ?? ''}-${md.version ?? ''}` : 'MISSING';
}

/** The block helm prints after install/upgrade and for `helm status`. */
export function statusBlock(r: Release): string {
  const lines = [
    `NAME: ${r.name}`,
    `LAST DEPLOYED: ${r.info?.last_deployed ? ansic(r.info.last_deployed.ms) : ''}`,
    `NAMESPACE: ${r.namespace}`,
    `STATUS: ${r.info?.status ?? 'unknown'}`,
    `REVISION: ${r.version}`,
  ];
  const tests = (r.hooks ?? []).filter((h) => h.events.includes('test'));
  if (tests.length === 0) lines.push('TEST SUITE: None');
  else {
    for (const h of tests) {
      if (!h.last_run.started_at) continue;
      lines.push(`TEST SUITE:     ${h.name}`, `Last Started:   ${ansic(h.last_run.started_at.ms)}`,
        `Last Completed: ${h.last_run.completed_at ? ansic(h.last_run.completed_at.ms) : ''}`, `Phase:          ${h.last_run.phase}`);
    }
  }
  let out = lines.join('\n') + '\n';
  if (r.info?.notes) out += `NOTES:\n${r.info.notes.trim()}\n`;
  return out;
}
