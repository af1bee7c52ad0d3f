/**
 * `.helmignore` rules (pkg/ignore): one glob per line, `#` comments, `!` negation, trailing `/`
 * for directories, leading `/` anchors at the chart root, no `**`. Rules without a slash match
 * the base name only. Evaluation stops at the first matching rule; a negated rule that does not
 * match ignores the path (Helm's own, surprising, semantics).
 */

import { goMatch } from './go-match.ts';

export const HELM_IGNORE = '.helmignore';

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

export class IgnoreRules {
  private readonly patterns: Pattern[] = [];

  /** Parses a .helmignore file's content; throws on `**` or a malformed glob. */
  static parse(text: string): IgnoreRules {
    const r = new IgnoreRules();
    let src = text;
    if (src.startsWith('\uFEFF')) src = src.slice(1);
    // bufio.Scanner's ScanLines: split on \n, drop a trailing \r
    const lines = src.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) r.parseRule(line.endsWith('\r') ? line.slice(0, -1) : line);
    return r;
  }

  static empty(): IgnoreRules {
    return new IgnoreRules();
  }

  /** Ignores all dotfiles in templates/. */
  addDefaults(): void {
    this.parseRule('templates/.?*');
  }

  /** Whether `path` (relative, `/`-separated) should be skipped. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }

  private parseRule(ruleIn: string): void {
    let rule = ruleIn.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported');
    goMatch(rule, 'abc'); // throws "syntax error in pattern"
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    const safe = (pat: string, n: string) => {
      try {
        return goMatch(pat, n);
      } catch {
        return false;
      }
    };
    if (rule.startsWith('/')) {
      const r = rule.replace(/^\//, '');
      p.match = (n) => safe(r, n);
    } else if (rule.includes('/')) {
      const r = rule;
      p.match = (n) => safe(r, n);
    } else {
      const r = rule;
      p.match = (n) => safe(r, baseName(n));
    }
    this.patterns.push(p);
  }
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  if (t === '') return p === '' ? '.' : '/';
  return t.slice(t.lastIndexOf('/') + 1);
}
