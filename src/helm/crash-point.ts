/**
 * Fault injection for crash tests: when CAPSTAN_CRASH_AT names this point, the process kills itself with
 * SIGKILL right here, as a crash or an OOM kill would. Points: before-pending, after-pending, mid-apply,
 * mid-hook, mid-wait, before-final.
 */
export function crashPoint(name: string): void {
  if (process.env['CAPSTAN_CRASH_AT'] === name) process.kill(process.pid, 'SIGKILL');
}
