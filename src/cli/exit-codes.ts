/**
 * Exit codes (CONTRACT.md section 3), in one place so commands and docs agree.
 */
import type { ProviderStatus } from '../core/snapshot.ts';
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

/** The exit code of a finished scan. */
export function scanExitCode(summary: ScanSummary): number {
  if (summary.stoppedBy === 'signal') return EXIT.interrupted;
  if (summary.stoppedBy === 'fail-on-error') return EXIT.failOnError;
  const statuses = Object.values(summary.providerResults).map((result) => result.status);
  return statuses.some((status) => NOT_OK.has(status)) ? EXIT.incomplete : EXIT.ok;
}
