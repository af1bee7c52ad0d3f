/**
 * Keeping values from Secrets out of messages. Every message that goes into a condition, an event or a log
 * line passes through the reconcile's Redactor, which replaces each string value read from a Secret (and its
 * base64 form) with `***`: an error that quotes rendered output cannot leak them.
 */
import type { Value } from '../../chart/index.ts';

const minLength = 4;
const mask = '***';

export class Redactor {
  readonly #secrets: string[] = [];

  /** Remembers every scalar in `v` (a value read from a Secret) as secret. */
  addValue(v: Value | string): void {
    if (v instanceof Map) {
      for (const x of v.values()) this.addValue(x);
    } else if (Array.isArray(v)) {
      for (const x of v) this.addValue(x);
    } else if (v !== null && typeof v !== 'boolean') {
      this.#add(String(v));
    }
  }

  /** Remembers raw text (a whole Secret key) and each of its lines as secret. */
  addText(text: string): void {
    this.#add(text.trim());
    for (const line of text.split('\n')) this.#add(line.trim());
  }

  redact(message: string): string {
    let out = message;
    for (const s of this.#secrets) if (out.includes(s)) out = out.split(s).join(mask);
    return out;
  }

  #add(s: string): void {
    if (s.length < minLength) return;
    for (const form of [s, Buffer.from(s).toString('base64')]) {
      if (!this.#secrets.includes(form)) this.#secrets.push(form);
    }
    // longest first, so a secret containing another is replaced whole
    this.#secrets.sort((a, b) => b.length - a.length);
  }
}
