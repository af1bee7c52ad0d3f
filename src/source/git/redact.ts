/**
 * Removing credentials from text that may reach a log, an event, a status or an error: every secret value a
 * fetch used (and its base64 forms, as found in Authorization headers) and the userinfo of URLs.
 */
import { redactUrlText } from './url.ts';

const MASK = '***';

/** A scrubber for one fetch: knows the secret values it must never let through. */
export class Scrubber {
  readonly #needles: string[];

  /** `secrets`: the values to hide; values shorter than 4 characters are too common to hide safely. */
  constructor(secrets: Iterable<string> = []) {
    const set = new Set<string>();
    for (const s of secrets) {
      if (s.length < 4) continue;
      set.add(s);
      set.add(Buffer.from(s).toString('base64'));
      for (const line of s.split(/\r?\n/)) if (line.trim().length >= 16) set.add(line.trim());
    }
    // longest first, so a value containing another is hidden whole
    this.#needles = [...set].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const n of this.#needles) out = out.split(n).join(MASK);
    return redactUrlText(out);
  }
}
