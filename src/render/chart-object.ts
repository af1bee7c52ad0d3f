/**
 * `.Chart` in a template: engine.recAllTpls's `struct { chart.Metadata; IsRoot bool }` — the chart's
 * metadata with Go field names (Name, Version, AppVersion, …) promoted from the embedded
 * chart.Metadata, plus IsRoot. Its JSON form inlines Metadata's json-tagged fields (omitempty).
 */
import { GoStruct, nilMap, nilSlice, withMapType, withSliceType } from '../template/value.ts';
import type { GoValue } from '../template/value.ts';
import type { Dependency, Maintainer, Metadata } from '../chart/metadata.ts';

export const CHART_TYPE_NAME = 'struct { chart.Metadata; IsRoot bool }';

/** A Go slice of the given type; null (absent in Chart.yaml) is a nil slice, as Go leaves it. */
function slice(list: readonly GoValue[] | null, goType: string): GoValue[] {
  return list ? withSliceType([...list], goType) : nilSlice(goType);
}

function strings(list: readonly string[] | null): GoValue[] {
  return slice(list, '[]string');
}

/** Adds `key: value` to a JSON object unless omitempty drops it. */
function put(out: Map<string, GoValue>, key: string, value: GoValue, omitEmpty: boolean): void {
  if (omitEmpty) {
    if (value === '' || value === false || value === null || value === undefined) return;
    if (Array.isArray(value) && value.length === 0) return;
    if (value instanceof Map && value.size === 0) return;
  }
  out.set(key, value);
}

function maintainerValue(m: Maintainer | null): GoValue {
  if (m === null) return null;
  const json = new Map<string, GoValue>();
  put(json, 'name', m.name, true);
  put(json, 'email', m.email, true);
  put(json, 'url', m.url, true);
  return new GoStruct({
    typeName: 'chart.Maintainer',
    pointer: true,
    fields: new Map<string, GoValue>([
      ['Name', m.name],
      ['Email', m.email],
      ['URL', m.url],
    ]),
    json: () => json,
  });
}

function dependencyValue(d: Dependency | null): GoValue {
  if (d === null) return null;
  const importValues = slice(d.importValues as GoValue[] | null, '[]interface {}');
  const json = new Map<string, GoValue>();
  put(json, 'name', d.name, false);
  put(json, 'version', d.version, true);
  put(json, 'repository', d.repository, false);
  put(json, 'condition', d.condition, true);
  put(json, 'tags', d.tags ? [...d.tags] : null, true);
  put(json, 'enabled', d.enabled, true);
  put(json, 'import-values', d.importValues ? ([...d.importValues] as GoValue[]) : null, true);
  put(json, 'alias', d.alias, true);
  return new GoStruct({
    typeName: 'chart.Dependency',
    pointer: true,
    fields: new Map<string, GoValue>([
      ['Name', d.name],
      ['Version', d.version],
      ['Repository', d.repository],
      ['Condition', d.condition],
      ['Tags', strings(d.tags)],
      ['Enabled', d.enabled],
      ['ImportValues', importValues],
      ['Alias', d.alias],
    ]),
    json: () => json,
  });
}

/** The json-tagged fields of chart.Metadata (omitempty everywhere), in struct order. */
export function metadataJson(md: Metadata): Map<string, GoValue> {
  const json = new Map<string, GoValue>();
  put(json, 'name', md.name, true);
  put(json, 'home', md.home, true);
  put(json, 'sources', md.sources ? [...md.sources] : null, true);
  put(json, 'version', md.version, true);
  put(json, 'description', md.description, true);
  put(json, 'keywords', md.keywords ? [...md.keywords] : null, true);
  put(json, 'maintainers', md.maintainers ? md.maintainers.map((m) => (m === null ? null : maintainerValue(m))) : null, true);
  put(json, 'icon', md.icon, true);
  put(json, 'apiVersion', md.apiVersion, true);
  put(json, 'condition', md.condition, true);
  put(json, 'tags', md.tags, true);
  put(json, 'appVersion', md.appVersion, true);
  put(json, 'deprecated', md.deprecated, true);
  put(json, 'annotations', md.annotations ? withMapType(new Map<string, GoValue>(md.annotations), 'map[string]string') : null, true);
  put(json, 'kubeVersion', md.kubeVersion, true);
  put(json, 'dependencies', md.dependencies ? md.dependencies.map(dependencyValue) : null, true);
  put(json, 'type', md.type, true);
  return json;
}

/** chart.Metadata's Go fields, in struct order. */
function metadataFields(md: Metadata): [string, GoValue][] {
  return [
    ['Name', md.name],
    ['Home', md.home],
    ['Sources', strings(md.sources)],
    ['Version', md.version],
    ['Description', md.description],
    ['Keywords', strings(md.keywords)],
    ['Maintainers', slice(md.maintainers?.map(maintainerValue) ?? null, '[]*chart.Maintainer')],
    ['Icon', md.icon],
    ['APIVersion', md.apiVersion],
    ['Condition', md.condition],
    ['Tags', md.tags],
    ['AppVersion', md.appVersion],
    ['Deprecated', md.deprecated],
    ['Annotations', md.annotations ? withMapType(new Map<string, GoValue>(md.annotations), 'map[string]string') : nilMap('map[string]string')],
    ['KubeVersion', md.kubeVersion],
    ['Dependencies', slice(md.dependencies?.map(dependencyValue) ?? null, '[]*chart.Dependency')],
    ['Type', md.type],
  ];
}

/** `*chart.Metadata` (what ToRenderValues puts at the top level as `.Chart`). */
export function metadataValue(md: Metadata): GoStruct {
  return new GoStruct({
    typeName: 'chart.Metadata',
    pointer: true,
    fields: new Map(metadataFields(md)),
    json: () => metadataJson(md),
  });
}

/**
 * The fields of a struct with embedded structs: iterating (as `%v` printing does) yields the
 * struct's own fields, embedded ones included as single fields; looking a name up also finds the
 * embedded structs' promoted fields, as Go's field selection does.
 */
class PromotingFields extends Map<string, GoValue> {
  readonly #embedded: readonly GoStruct[];
  constructor(own: readonly [string, GoValue][], embedded: readonly GoStruct[]) {
    super(own);
    this.#embedded = embedded;
  }
  override has(name: string): boolean {
    return super.has(name) || this.#embedded.some((e) => e.fields.has(name));
  }
  override get(name: string): GoValue {
    if (super.has(name)) return super.get(name);
    for (const e of this.#embedded) if (e.fields.has(name)) return e.fields.get(name);
    return undefined;
  }
}

/**
 * `.Chart` for a chart's templates: `struct { chart.Metadata; IsRoot bool }` — the embedded
 * Metadata's fields are promoted (`.Chart.Name`), `.Chart.Metadata` is the embedded struct.
 */
export function chartValue(md: Metadata, isRoot: boolean): GoStruct {
  const embedded = new GoStruct({
    typeName: 'chart.Metadata',
    fields: new Map(metadataFields(md)),
    json: () => metadataJson(md),
  });
  return new GoStruct({
    typeName: CHART_TYPE_NAME,
    fields: new PromotingFields([['Metadata', embedded], ['IsRoot', isRoot]], [embedded]),
    json: () => {
      const json = metadataJson(md);
      json.set('IsRoot', isRoot);
      return json;
    },
  });
}
