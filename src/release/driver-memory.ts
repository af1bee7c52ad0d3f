/** An in-memory driver (Helm's driver.Memory), for tests and `capstan template`-style dry runs. */
import { releaseExists, releaseNotFound } from './errors.ts';
import { recordLabels, type Driver } from './driver.ts';
import type { Release } from './model.ts';

interface Record_ { release: Release; labels: Record<string, string> }

export class MemoryDriver implements Driver {
  readonly name = 'Memory';
  readonly #records = new Map<string, Record_>();

  async get(key: string): Promise<Release> {
    const rec = this.#records.get(key);
    if (!rec) throw releaseNotFound();
    return structuredClone(rec.release);
  }

  async list(filter: (r: Release) => boolean): Promise<Release[]> {
    return [...this.#records.values()]
      .map((rec) => ({ ...structuredClone(rec.release), labels: { ...rec.labels } }))
      .filter(filter);
  }

  async query(labels: Readonly<Record<string, string>>): Promise<Release[]> {
    const out = [...this.#records.values()]
      .filter((rec) => Object.entries(labels).every(([k, v]) => rec.labels[k] === v))
      .map((rec) => ({ ...structuredClone(rec.release), labels: { ...rec.labels } }));
    if (out.length === 0) throw releaseNotFound();
    return out;
  }

  async create(key: string, r: Release): Promise<void> {
    if (this.#records.has(key)) throw releaseExists();
    this.#records.set(key, { release: structuredClone(r), labels: recordLabels(r, { createdAt: String(Math.floor(Date.now() / 1000)) }) });
  }

  async update(key: string, r: Release): Promise<void> {
    if (!this.#records.has(key)) throw releaseNotFound();
    this.#records.set(key, { release: structuredClone(r), labels: recordLabels(r, { modifiedAt: String(Math.floor(Date.now() / 1000)) }) });
  }

  async delete(key: string): Promise<Release> {
    const rec = this.#records.get(key);
    if (!rec) throw releaseNotFound();
    this.#records.delete(key);
    return rec.release;
  }
}
