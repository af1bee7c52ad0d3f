/**
 * Go's tzset: evaluates the POSIX TZ rule string found at the end of a TZif file (e.g.
 * `CET-1CEST,M3.5.0,M10.5.0/3`) for instants after the file's last transition.
 */
import { DAYS_BEFORE, SECONDS_PER_DAY, civilFromDays, daysFromCivil, daysIn, floorDiv, isLeap } from './civil.ts';

export interface ZoneAt {
  name: string;
  offset: number;
  start: number;
  end: number;
  isDST: boolean;
}

interface Rule {
  kind: 'julian' | 'doy' | 'mwd';
  day: number;
  week: number;
  mon: number;
  time: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function tzsetName(s: string): [string, string] | undefined {
  if (s.length === 0) return undefined;
  if (s[0] !== '<') {
    for (let i = 0; i < s.length; i++) {
      const r = s[i] as string;
      if (isDigit(r) || r === ',' || r === '-' || r === '+') {
        if (i < 3) return undefined;
        return [s.slice(0, i), s.slice(i)];
      }
    }
    if (s.length < 3) return undefined;
    return [s, ''];
  }
  const i = s.indexOf('>');
  return i < 0 ? undefined : [s.slice(1, i), s.slice(i + 1)];
}

function tzsetNum(s: string, min: number, max: number): [number, string] | undefined {
  if (s.length === 0) return undefined;
  let num = 0;
  for (let i = 0; i < s.length; i++) {
    const r = s[i] as string;
    if (!isDigit(r)) {
      if (i === 0 || num < min) return undefined;
      return [num, s.slice(i)];
    }
    num = num * 10 + (r.charCodeAt(0) - 48);
    if (num > max) return undefined;
  }
  if (num < min) return undefined;
  return [num, ''];
}

function tzsetOffset(s: string): [number, string] | undefined {
  if (s.length === 0) return undefined;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    s = s.slice(1);
    neg = true;
  }
  const h = tzsetNum(s, 0, 24 * 7);
  if (!h) return undefined;
  let off = h[0] * 3600;
  s = h[1];
  if (s.length === 0 || s[0] !== ':') return [neg ? -off : off, s];
  const m = tzsetNum(s.slice(1), 0, 59);
  if (!m) return undefined;
  off += m[0] * 60;
  s = m[1];
  if (s.length === 0 || s[0] !== ':') return [neg ? -off : off, s];
  const sec = tzsetNum(s.slice(1), 0, 59);
  if (!sec) return undefined;
  off += sec[0];
  return [neg ? -off : off, sec[1]];
}

function tzsetRule(s: string): [Rule, string] | undefined {
  if (s.length === 0) return undefined;
  const r: Rule = { kind: 'doy', day: 0, week: 0, mon: 0, time: 0 };
  if (s[0] === 'J') {
    const n = tzsetNum(s.slice(1), 1, 365);
    if (!n) return undefined;
    r.kind = 'julian';
    r.day = n[0];
    s = n[1];
  } else if (s[0] === 'M') {
    const mon = tzsetNum(s.slice(1), 1, 12);
    if (!mon || mon[1].length === 0 || mon[1][0] !== '.') return undefined;
    const week = tzsetNum(mon[1].slice(1), 1, 5);
    if (!week || week[1].length === 0 || week[1][0] !== '.') return undefined;
    const day = tzsetNum(week[1].slice(1), 0, 6);
    if (!day) return undefined;
    r.kind = 'mwd';
    r.day = day[0];
    r.week = week[0];
    r.mon = mon[0];
    s = day[1];
  } else {
    const n = tzsetNum(s, 0, 365);
    if (!n) return undefined;
    r.kind = 'doy';
    r.day = n[0];
    s = n[1];
  }
  if (s.length === 0 || s[0] !== '/') {
    r.time = 2 * 3600;
    return [r, s];
  }
  const off = tzsetOffset(s.slice(1));
  if (!off) return undefined;
  r.time = off[0];
  return [r, off[1]];
}

function tzruleTime(year: number, r: Rule, off: number): number {
  let s = 0;
  switch (r.kind) {
    case 'julian':
      s = (r.day - 1) * SECONDS_PER_DAY;
      if (isLeap(year) && r.day >= 60) s += SECONDS_PER_DAY;
      break;
    case 'doy':
      s = r.day * SECONDS_PER_DAY;
      break;
    case 'mwd': {
      const m1 = ((r.mon + 9) % 12) + 1;
      let yy0 = year;
      if (r.mon <= 2) yy0--;
      const yy1 = Math.trunc(yy0 / 100);
      const yy2 = yy0 % 100;
      let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
      if (dow < 0) dow += 7;
      let d = r.day - dow;
      if (d < 0) d += 7;
      for (let i = 1; i < r.week; i++) {
        if (d + 7 >= daysIn(r.mon, year)) break;
        d += 7;
      }
      d += DAYS_BEFORE[r.mon - 1] as number;
      if (isLeap(year) && r.mon > 2) d++;
      s = d * SECONDS_PER_DAY;
      break;
    }
  }
  return s + r.time - off;
}

/** Go's tzset(s, lastTxSec, sec): the zone in effect at `sec` under rule string `s`, if it parses. */
export function tzset(input: string, lastTxSec: number, sec: number): ZoneAt | undefined {
  let s = input;
  const std = tzsetName(s);
  if (!std) return undefined;
  let stdName = std[0];
  const stdOff = tzsetOffset(std[1]);
  if (!stdOff) return undefined;
  let stdOffset = -stdOff[0];
  s = stdOff[1];
  if (s.length === 0 || s[0] === ',') {
    return { name: stdName, offset: stdOffset, start: lastTxSec, end: Infinity, isDST: false };
  }
  const dst = tzsetName(s);
  if (!dst) return undefined;
  let dstName = dst[0];
  s = dst[1];
  let dstOffset: number;
  if (s.length === 0 || s[0] === ',') {
    dstOffset = stdOffset + 3600;
  } else {
    const o = tzsetOffset(s);
    if (!o) return undefined;
    dstOffset = -o[0];
    s = o[1];
  }
  if (s.length === 0) s = ',M3.2.0,M11.1.0';
  if (s[0] !== ',' && s[0] !== ';') return undefined;
  s = s.slice(1);
  const startR = tzsetRule(s);
  if (!startR || startR[1].length === 0 || startR[1][0] !== ',') return undefined;
  const endR = tzsetRule(startR[1].slice(1));
  if (!endR || endR[1].length > 0) return undefined;

  const days = floorDiv(sec, SECONDS_PER_DAY);
  const { year, yday } = civilFromDays(days);
  const ysec = yday * SECONDS_PER_DAY + (sec % SECONDS_PER_DAY);
  const abs = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;

  let startSec = tzruleTime(year, startR[0], stdOffset);
  let endSec = tzruleTime(year, endR[0], dstOffset);
  let dstIsDST = true;
  let stdIsDST = false;
  if (endSec < startSec) {
    [startSec, endSec] = [endSec, startSec];
    [stdName, dstName] = [dstName, stdName];
    [stdOffset, dstOffset] = [dstOffset, stdOffset];
    [stdIsDST, dstIsDST] = [dstIsDST, stdIsDST];
  }
  if (ysec < startSec) return { name: stdName, offset: stdOffset, start: abs, end: startSec + abs, isDST: stdIsDST };
  if (ysec >= endSec) {
    return { name: stdName, offset: stdOffset, start: endSec + abs, end: abs + 365 * SECONDS_PER_DAY, isDST: stdIsDST };
  }
  return { name: dstName, offset: dstOffset, start: startSec + abs, end: endSec + abs, isDST: dstIsDST };
}
