/**
 * kustomize's patch target Selector on plain objects: group, version and kind compared exactly, name and
 * namespace as anchored regular expressions, and label/annotation selectors (`a=b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`).
 */
import type { Selector } from '../../../api/index.ts';
import type { KubeObject } from '../../../kube/index.ts';

type Requirement = (m: Record<string, string>) => boolean;

function requirement(raw: string): Requirement {
  const s = raw.trim();
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(s);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = list.split(',').map((v) => v.trim());
    return op === 'in' ? (m) => key in m && values.includes(m[key] ?? '') : (m) => !(key in m) || !values.includes(m[key] ?? '');
  }
  const neq = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(s);
  if (neq) return (m) => m[neq[1] ?? ''] !== (neq[2] ?? '').trim();
  const eq = /^([^!=\s]+)\s*==?\s*(.*)$/.exec(s);
  if (eq) return (m) => m[eq[1] ?? ''] === (eq[2] ?? '').trim();
  if (s.startsWith('!')) return (m) => !(s.slice(1).trim() in m);
  return (m) => s in m;
}

/** Splits at commas that are not inside parentheses. */
function splitRequirements(sel: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of sel) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

export function matchesLabels(selector: string, labels: Record<string, string> | undefined): boolean {
  return splitRequirements(selector).map(requirement).every((r) => r(labels ?? {}));
}

const anchored = (re: string, v: string): boolean => new RegExp(`^(?:${re})$`).test(v);

export function matchesSelector(o: KubeObject, sel: Selector | undefined): boolean {
  if (sel === undefined) return true;
  const slash = o.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  const version = slash < 0 ? o.apiVersion : o.apiVersion.slice(slash + 1);
  if (sel.group !== undefined && sel.group !== group) return false;
  if (sel.version !== undefined && sel.version !== version) return false;
  if (sel.kind !== undefined && sel.kind !== o.kind) return false;
  if (sel.name !== undefined && !anchored(sel.name, o.metadata.name)) return false;
  if (sel.namespace !== undefined && !anchored(sel.namespace, o.metadata.namespace ?? '')) return false;
  if (sel.labelSelector !== undefined && !matchesLabels(sel.labelSelector, o.metadata.labels)) return false;
  if (sel.annotationSelector !== undefined && !matchesLabels(sel.annotationSelector, o.metadata.annotations)) return false;
  return true;
}
