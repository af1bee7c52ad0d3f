/**
 * A loaded Helm chart (pkg/chart chart.go). Mutable like Go's *chart.Chart: dependency processing
 * renames aliased copies, drops disabled subcharts and replaces `values` with imported values.
 */

import type { Lock, Metadata } from './metadata.ts';
import type { Values } from './values.ts';

/** A file of a chart: path relative to the chart root, with `/` separators. */
export interface ChartFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export class Chart {
  /** All files as loaded (for `helm show values` and the like). */
  raw: ChartFile[] = [];
  /** Chart.yaml (plus requirements.yaml dependencies for apiVersion v1). */
  metadata: Metadata;
  /** Chart.lock (or requirements.lock), if present. */
  lock: Lock | null = null;
  /** Files under templates/, in load order. */
  templates: ChartFile[] = [];
  /** values.yaml; null when the chart has none (Go's nil map). */
  values: Values | null = null;
  /** values.schema.json, raw. */
  schema: Uint8Array | null = null;
  /** Every other file (for .Files), crds/ included. */
  files: ChartFile[] = [];

  parent: Chart | null = null;
  private deps: Chart[] = [];

  constructor(metadata: Metadata) {
    this.metadata = metadata;
  }

  /** Go's `out := *c`: a shallow copy sharing files, values and subcharts. */
  shallowCopy(): Chart {
    const c = new Chart(this.metadata);
    c.raw = this.raw;
    c.lock = this.lock;
    c.templates = this.templates;
    c.values = this.values;
    c.schema = this.schema;
    c.files = this.files;
    c.parent = this.parent;
    c.deps = this.deps;
    return c;
  }

  name(): string {
    return this.metadata.name;
  }

  appVersion(): string {
    return this.metadata.appVersion;
  }

  dependencies(): readonly Chart[] {
    return this.deps;
  }

  setDependencies(charts: readonly Chart[]): void {
    this.deps = [];
    this.addDependency(...charts);
  }

  addDependency(...charts: Chart[]): void {
    for (const c of charts) {
      c.parent = this;
      this.deps = [...this.deps, c];
    }
  }

  isRoot(): boolean {
    return this.parent === null;
  }

  root(): Chart {
    return this.parent === null ? this : this.parent.root();
  }

  /** `parent.child` names, e.g. `wordpress.mariadb`. */
  chartPath(): string {
    return this.parent === null ? this.name() : `${this.parent.chartPath()}.${this.name()}`;
  }

  /** `parent/charts/child`, the prefix of template names. */
  chartFullPath(): string {
    return this.parent === null ? this.name() : `${this.parent.chartFullPath()}/charts/${this.name()}`;
  }

  /** CRD files (crds/*.yaml|yml|json) of this chart and its subcharts. */
  crds(): ChartFile[] {
    const out = this.files.filter((f) => f.name.startsWith('crds/') && hasManifestExtension(f.name));
    for (const d of this.deps) out.push(...d.crds());
    return out;
  }

  /** CRDs with their full file names (`chart/charts/sub/crds/x.yaml`). */
  crdObjects(): Array<{ name: string; filename: string; file: ChartFile }> {
    const out: Array<{ name: string; filename: string; file: ChartFile }> = [];
    for (const f of this.files) {
      if (f.name.startsWith('crds/') && hasManifestExtension(f.name)) {
        out.push({ name: f.name, filename: joinPath(this.chartFullPath(), f.name), file: f });
      }
    }
    for (const d of this.deps) out.push(...d.crdObjects());
    return out;
  }
}

function hasManifestExtension(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot).toLowerCase() : '';
  return ext === '.yaml' || ext === '.yml' || ext === '.json';
}

/** filepath.Join for `/`-separated relative paths (cleans `.`/`..` and doubled slashes). */
function joinPath(a: string, b: string): string {
  const parts: string[] = [];
  for (const p of `${a}/${b}`.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}
