/** Go's `%#v` rendering of decoded YAML values (used in go-yaml / sigs.k8s.io/yaml error messages). */
import { quote } from '../fmt/quote.ts';
import { yamlFloat } from './encode.ts';
import { YInt, YMap, type YV } from './values.ts';

function elem(v: YV): string {
  if (v === null) return 'interface {}(nil)';
  return goSyntax(v);
}

export function goSyntax(v: YV): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string': return quote(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number': {
      const s = yamlFloat(v);
      return s === '.inf' ? '+Inf' : s === '-.inf' ? '-Inf' : s === '.nan' ? 'NaN' : s;
    }
  }
  if (v instanceof YInt) return v.unsigned ? '0x' + v.v.toString(16) : v.v.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(elem).join(', ')}}`;
  if (v instanceof YMap) {
    const parts = v.keys.map((k, i) => `${elem(k)}:${elem(v.vals[i]!)}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  return String(v);
}
