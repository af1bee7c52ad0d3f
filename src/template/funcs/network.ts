/**
 * getHostByName. Helm 3.17 replaces sprig's resolver with one that returns "" unless DNS lookups are
 * enabled (`--enable-dns`); `networkFuncs` is that default. `dnsNetworkFuncs` is sprig v3.3.0's own
 * network.go: resolve the name and return one address at random, panicking (`invalid argument to
 * Intn`) when nothing resolves, as `rand.Intn(0)` does.
 */
import { nodeChildProcess } from './node-builtins.ts';
import { def, type FuncDef } from '../value.ts';

/** Resolves a host name synchronously to its addresses (empty on failure), like Go's net.LookupHost. */
export type HostResolver = (name: string) => string[];

const LOOKUP_SCRIPT = `
const dns = require('node:dns');
dns.lookup(process.argv[1], { all: true, verbatim: true }, (err, addrs) => {
  process.stdout.write(JSON.stringify(err ? [] : addrs.map((a) => a.address)));
});`;

/** Default resolver: the system resolver (getaddrinfo) in a short-lived child process. */
export const systemResolver: HostResolver = (name) => {
  if (name === '') return [];
  try {
    const out = nodeChildProcess().execFileSync(process.execPath, ['-e', LOOKUP_SCRIPT, name], { timeout: 10000, encoding: 'utf8' });
    const addrs: unknown = JSON.parse(out);
    return Array.isArray(addrs) ? addrs.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
};

/** sprig's getHostByName over `resolve`. */
export function makeGetHostByName(resolve: HostResolver = systemResolver): FuncDef {
  return def(['string'], 'string', ([name]) => {
    const addrs = resolve(name as string);
    if (addrs.length === 0) throw new Error('invalid argument to Intn');
    return addrs[Math.floor(Math.random() * addrs.length)] as string;
  });
}

/** Helm's default (DNS lookups disabled): getHostByName returns "". */
export const networkFuncs: Record<string, FuncDef> = {
  getHostByName: def(['string'], 'string', () => ''),
};

/** Sprig's resolving getHostByName (Helm with `--enable-dns`). */
export const dnsNetworkFuncs: Record<string, FuncDef> = {
  getHostByName: makeGetHostByName(),
};
