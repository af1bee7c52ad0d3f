/**
 * Go's time.Time JSON form (RFC 3339 with nanoseconds, trailing zeros trimmed) as Helm 3 writes it, for the
 * release model's GoTime; the formatting is @capstan/gotime's.
 */
import { fixedZone, format, RFC3339_NANO, Time, UTC } from '@capstan/gotime';
import type { GoTime } from './model.ts';

export function goTimeNow(): GoTime {
  const ms = Date.now();
  const nanos = Math.floor((performance.now() % 1) * 1e6) % 1_000_000;
  return { ms, subMsNanos: nanos, offsetMinutes: 0 };
}

export function goTimeFromDate(d: Date): GoTime {
  return { ms: d.getTime(), subMsNanos: 0, offsetMinutes: 0 };
}

/** time.Time.MarshalJSON's text (without quotes): RFC 3339 with nanoseconds, trailing zeros trimmed. */
export function formatGoTime(t: GoTime): string {
  const sec = Math.floor(t.ms / 1000);
  const nsec = (t.ms - sec * 1000) * 1_000_000 + t.subMsNanos;
  const loc = t.offsetMinutes === 0 ? UTC : fixedZone('', t.offsetMinutes * 60);
  return format(new Time(sec, nsec, loc), RFC3339_NANO);
}

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Parses Go's JSON time; `""`, `null` and Go's zero time are the zero time (undefined). */
export function parseGoTime(s: string | null | undefined): GoTime | undefined {
  if (s === null || s === undefined || s === '') return undefined;
  const m = rfc3339.exec(s);
  if (!m) throw new Error(`parsing time "${s}" as RFC 3339`);
  const [, y, mo, d, h, mi, se, frac = '', z, sign, oh = '0', om = '0'] = m;
  const offsetMinutes = z !== undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const nanos = Number(frac.padEnd(9, '0'));
  const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  if (/^0001-01-01T00:00:00(?:\.0+)?(?:Z|[+-]00:00)$/.test(s)) return undefined; // Go's zero time
  return { ms: localMs - offsetMinutes * 60_000 + Math.floor(nanos / 1e6), subMsNanos: nanos % 1_000_000, offsetMinutes };
}

/** Unix seconds, as Helm's createdAt/modifiedAt labels. */
export function unixSeconds(t: GoTime): number {
  return Math.floor(t.ms / 1000);
}
