/**
 * `wgo validate`: check each selected provider's configuration and credentials, print one line
 * per check, and exit 0 when all pass, 1 otherwise.
 */

import type { WgoConfig } from '../config/config-types.ts';
import { UsageError } from '../core/errors.ts';
import type { ConcurrentScanner } from '../scanner/concurrent-scanner.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import type { ParsedArgs } from './parse-args.ts';
import { providerConfig, selectProviders } from './resolve-settings.ts';

/** Runs `wgo validate` and returns its exit code. */
export async function validateCommand(
  args: ParsedArgs,
  file: WgoConfig,
  scanner: ConcurrentScanner,
  io: CliIo,
): Promise<number> {
  if (!args.given.has('provider') && !args.given.has('all')) {
    throw new UsageError('wgo validate needs --provider NAME or --all');
  }
  const names = selectProviders(args, file, scanner.providers);
  const timeout = args.given.has('scan-timeout') ? (args.values['scan-timeout'] as number) : undefined;
  const reports = await scanner.validateProviders(
    {
      providers: Object.fromEntries(names.map((name) => [name, providerConfig(name, args, file)])),
      ...(timeout ? { timeout } : {}),
    },
    { signal: io.signal },
  );
  let ok = true;
  for (const [name, report] of Object.entries(reports)) {
    if (report.status === 'unsupported') {
      io.stdout.write(`${name}: no validation available\n`);
      continue;
    }
    for (const check of report.checks) {
      io.stdout.write(`${name}: ${check.ok ? 'ok' : 'FAIL'}  ${check.scope}  ${check.message}\n`);
    }
    for (const error of report.errors) {
      io.stdout.write(`${name}: FAIL  ${error.scope}  ${error.code}: ${error.message}\n`);
    }
    if (report.status !== 'ok') ok = false;
  }
  if (io.signal.aborted) return EXIT.interrupted;
  return ok ? EXIT.ok : EXIT.incomplete;
}
