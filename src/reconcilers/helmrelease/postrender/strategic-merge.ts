/**
 * Strategic merge patches on plain objects, the way kustomize applies a patch that is a partial object: maps
 * merge recursively, `null` deletes a key, `$patch: delete` / `$patch: replace` work on maps and list items,
 * and lists of the well-known Kubernetes fields merge by their patch merge key (containers, env, volumes by
 * `name`; volumeMounts by `mountPath`; ports by `containerPort` or `port`). Other lists are replaced, as for
 * a JSON merge patch. Without the OpenAPI schemas this is the subset that covers the fields patched in
 * practice; a list not known here is replaced whole.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const mergeKeys: Record<string, readonly string[]> = {
  containers: ['name'], initContainers: ['name'], ephemeralContainers: ['name'], env: ['name'], envFrom: [],
  volumes: ['name'], imagePullSecrets: ['name'], volumeMounts: ['mountPath'], volumeDevices: ['devicePath'],
  ports: ['containerPort', 'port'], hostAliases: ['ip'], topologySpreadConstraints: ['topologyKey'],
};

function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  const keys = mergeKeys[field] ?? [];
  return keys.find((k) => items.length > 0 && items.every((i) => isObj(i) && i[k] !== undefined));
}

function mergeList(field: string, target: unknown[], patch: unknown[]): unknown[] {
  const key = mergeKeyFor(field, patch);
  if (key === undefined) return patch.map((x) => strip(structuredClone(x)));
  const out = [...target];
  for (const item of patch as Obj[]) {
    const at = out.findIndex((t) => isObj(t) && t[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = strategicMerge(out[at], item);
    } else {
      out.push(strip(structuredClone(item)));
    }
  }
  return out;
}

/** Removes `$patch` directives from a value that is inserted as is. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (k !== '$patch') out[k] = strip(x);
    return out;
  }
  return v;
}

/** Returns `target` with `patch` merged into it (neither is modified). */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return structuredClone(patch);
  if (patch['$patch'] === 'replace') return strip(structuredClone(patch));
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, pv] of Object.entries(patch)) {
    if (k === '$patch') continue;
    const tv = out[k];
    if (pv === null || (isObj(pv) && pv['$patch'] === 'delete')) delete out[k];
    else if (isObj(pv)) out[k] = strategicMerge(tv, pv);
    else if (Array.isArray(pv) && Array.isArray(tv)) out[k] = mergeList(k, tv, pv);
    else out[k] = strip(structuredClone(pv));
  }
  return out;
}
