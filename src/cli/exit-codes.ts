/**
 * Exit codes (CONTRACT.md section 3), in one place so commands and docs agree.
 */
import type { ProviderResult, ProviderStatus } from '../core/snapshot.ts';
import type { ScanSummary } from '../scanner/scan-types.ts';

export const EXIT = {
  ok: 0,
  /** Finished, but some provider is partial, failed or timed out. */
  incomplete: 1,
  /** Usage or configuration error: nothing scanned. */
  usage: 2,
  /** Stopped by --fail-on-error. */
  failOnError: 3,
  /** Interrupted by Ctrl-C. */
  interrupted: 130,
} as const;

const NOT_OK: ReadonlySet<ProviderStatus> = new Set(['partial', 'failed', 'timed_out', 'cancelled']);

/** A provider that could not start because its configuration is unusable (a `ConfigError`). */
function failedOnConfiguration(result: ProviderResult): boolean {
  return result.status === 'failed' && result.errors.some((error) => error.code === 'config');
}

/**
 * The exit code of a finished scan. When every provider failed on its configuration (a bad
 * credentials file, kubeconfig or setting), nothing was scanned: that is a configuration error,
 * exit 2, though the snapshot recording it is still written.
 */
export function scanExitCode(summary: ScanSummary): number {
  if (summary.stoppedBy === 'signal') return EXIT.interrupted;
  if (summary.stoppedBy === 'fail-on-error') return EXIT.failOnError;
  const results = Object.values(summary.providerResults);
  if (results.length > 0 && results.every(failedOnConfiguration)) return EXIT.usage;
  return results.some((result) => NOT_OK.has(result.status)) ? EXIT.incomplete : EXIT.ok;
}
