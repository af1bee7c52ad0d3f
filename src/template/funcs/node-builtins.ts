/**
 * Node built-ins that only some template functions use, loaded when first called. Importing node:crypto
 * and node:child_process at start-up costs about 6 ms of every `capstan template` run, although most
 * charts never hash, encrypt, generate a certificate or look up a host name.
 */
let crypto: typeof import('node:crypto') | undefined;
let childProcess: typeof import('node:child_process') | undefined;

/** Whether node:crypto is loaded already (then there is nothing left to save by avoiding it). */
export function cryptoLoaded(): boolean {
  return crypto !== undefined;
}

export function nodeCrypto(): typeof import('node:crypto') {
  return (crypto ??= process.getBuiltinModule('node:crypto'));
}

export function nodeChildProcess(): typeof import('node:child_process') {
  return (childProcess ??= process.getBuiltinModule('node:child_process'));
}
