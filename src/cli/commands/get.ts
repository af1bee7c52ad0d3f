/** `capstan get`: `get hr` lists HelmReleases; `get values|manifest|notes|hooks RELEASE` reads a Helm release. */
import type { Command } from '../commands.ts';
import { hrAliases } from './helmrelease-client.ts';

export const getCommand: Command = {
  name: 'get',
  summary: 'Show values, manifest, notes or hooks of a release, or list HelmReleases (get values|manifest|notes|hooks RELEASE, get hr)',
  async run(args, ctx) {
    const [what, ...rest] = args;
    if (what !== undefined && hrAliases.has(what)) return (await import('./helmrelease.ts')).getHelmReleasesCommand.run(rest, ctx);
    return (await import('./release-queries.ts')).getCommand.run(args, ctx);
  },
};
