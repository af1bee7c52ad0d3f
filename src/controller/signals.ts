/** The process's shutdown signal (controller-runtime's SetupSignalHandler). */

/**
 * An AbortSignal that aborts on the first SIGTERM or SIGINT, for `Manager.start`. A second signal exits the
 * process at once with status 1, for when a graceful shutdown hangs.
 */
export function shutdownSignal(): AbortSignal {
  const ac = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (ac.signal.aborted) process.exit(1);
    ac.abort(new Error(`received ${sig}`));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return ac.signal;
}
