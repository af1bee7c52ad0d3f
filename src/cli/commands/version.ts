/** `capstan version`: the package version and the Node.js runtime. */
import pkg from '../../../package.json' with { type: 'json' };
import type { Command } from '../commands.ts';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version of Capstan',
  async run() {
    process.stdout.write(`capstan v${pkg.version} (node ${process.version})\n`);
    return 0;
  },
};
