/**
 * `wgo scan`: resolve settings, run the scanner, write the snapshot and the summary, and return
 * the exit code. No scanning logic lives here.
 */

import type { WgoConfig } from '../config/config-types.ts';
import type { Logger } from '../core/logger.ts';
import { renderProgress } from '../output/progress.ts';
import { renderSummary } from '../output/summary.ts';
import type { ConcurrentScanner } from '../scanner/concurrent-scanner.ts';
import type { ScanStream } from '../scanner/scan-types.ts';
import { writeFileAtomically } from '../store/snapshot-file.ts';
import { writeChunks } from '../store/write-chunks.ts';
import { scanExitCode } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import type { ParsedArgs } from './parse-args.ts';
import { ProgressDisplay } from './progress-display.ts';
import { type DataFormat, renderSnapshot, resourceSets, resourceTotals } from './render-snapshot.ts';
import { resolveScanSettings } from './resolve-settings.ts';

const PROGRESS_INTERVAL_MS = 200;

/** Runs `wgo scan` and returns its exit code. */
export async function scanCommand(
  args: ParsedArgs,
  file: WgoConfig,
  scanner: ConcurrentScanner,
  io: CliIo,
  log: Logger,
): Promise<number> {
  const settings = resolveScanSettings(args, file, scanner.providers);
  for (const note of settings.notes) log.warn(note);
  log.debug('scan settings', {
    providers: Object.keys(settings.scan.providers),
    maxWorkers: settings.scan.maxWorkers,
    timeoutMs: settings.scan.timeout,
  });

  const format: DataFormat | undefined =
    settings.output === 'table' ? (settings.outputFile ? 'json' : undefined) : settings.output;
  // Live progress only for a person watching a terminal, never mixed into data on stdout.
  const progress =
    io.stderrIsTty && !settings.quiet && !(format && !settings.outputFile)
      ? new ProgressDisplay(io.stderr)
      : undefined;
  let stream: ScanStream;
  try {
    stream = await scanner.scan(settings.scan, {
      signal: io.signal,
      ...(progress ? { progressIntervalMs: PROGRESS_INTERVAL_MS } : {}),
      onEvent: (event) => {
        if (event.type === 'progress') progress?.update(renderProgress(event.providers));
        if (event.type === 'provider-end') {
          log.info(`${event.provider}: ${event.result.status}`, {
            durationMs: Math.round(event.result.durationMs),
          });
        }
      },
    });
  } finally {
    progress?.clear();
  }

  if (settings.outputFile && format) {
    await writeFileAtomically(settings.outputFile, await renderSnapshot(stream, format));
  } else if (format) {
    await writeChunks(io.stdout, await renderSnapshot(stream, format));
  }

  const totals = resourceTotals(stream);
  for (const resources of resourceSets(stream)) resources.dispose();
  const summary = renderSummary({
    ...stream,
    resourcesByType: totals.byType,
    duplicates: totals.duplicates,
    connections: scanner.getStats().connections,
    ...(settings.outputFile ? { outputFile: settings.outputFile } : {}),
    color: !('NO_COLOR' in io.env) && (format && !settings.outputFile ? io.stderrIsTty : io.stdoutIsTty),
  });
  if (!format) io.stdout.write(summary);
  else if (!settings.quiet) (settings.outputFile ? io.stdout : io.stderr).write(summary);
  return scanExitCode(stream);
}
