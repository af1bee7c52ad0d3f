/** `capstan version`: the package version and the Node.js runtime. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../commands.ts';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version of Capstan',
  async run() {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`capstan v${pkg.version} (node ${process.version})\n`);
    return 0;
  },
};
