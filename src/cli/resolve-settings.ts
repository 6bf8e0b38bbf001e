/**
 * Turning flags and the config file into a scan's settings: flags win over the file, the file
 * over defaults. Which provider setting a scope flag feeds comes from the option table.
 */

import type { ProviderSettings, WgoConfig } from '../config/config-types.ts';
import { parseDuration } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import type { CollectorConfig } from '../scanner/collector.ts';
import type { ScanConfig } from '../scanner/scan-types.ts';
import { OPTIONS } from './options.ts';
import type { ParsedArgs } from './parse-args.ts';

export type OutputFormat = 'table' | 'json' | 'yaml' | 'ndjson';

/** Everything `wgo scan` decided before scanning. */
export interface ScanSettings {
  readonly scan: ScanConfig;
  readonly output: OutputFormat;
  readonly outputFile?: string;
  readonly quiet: boolean;
  /** Warnings about flags that have no effect, printed before scanning. */
  readonly notes: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_MAX_WORKERS = 4;

function flag<T>(args: ParsedArgs, name: string): T | undefined {
  return args.given.has(name) ? (args.values[name] as T) : undefined;
}

/** The providers to scan: --provider, else --all, else those in the config file, else all. */
export function selectProviders(args: ParsedArgs, file: WgoConfig, registered: readonly string[]): string[] {
  const named = flag<string[]>(args, 'provider');
  if (named) {
    for (const name of named) {
      if (!registered.includes(name)) {
        throw new UsageError(`unknown provider "${name}" (known: ${registered.join(', ')})`);
      }
    }
    return [...new Set(named)];
  }
  if (flag<boolean>(args, 'all')) return [...registered];
  const configured = Object.keys(file.providers ?? {}).filter((name) => registered.includes(name));
  return configured.length > 0 ? configured : [...registered];
}

/** One provider's settings: its config-file section overlaid with the scope flags that feed it. */
export function providerConfig(name: string, args: ParsedArgs, file: WgoConfig): CollectorConfig {
  const section = ((file.providers as Record<string, ProviderSettings | undefined> | undefined)?.[name] ??
    {}) as Record<string, unknown>;
  const { apiConcurrency: fileConcurrency, rateLimits, ...settings } = section;
  for (const option of OPTIONS) {
    const key = option.feeds?.[name];
    if (key && args.given.has(option.name)) settings[key] = args.values[option.name];
  }
  const apiConcurrency = flag<number>(args, 'api-concurrency') ?? (fileConcurrency as number | undefined);
  return {
    config: settings,
    ...(apiConcurrency ? { apiConcurrency } : {}),
    ...(rateLimits ? { rateLimits: rateLimits as NonNullable<ProviderSettings['rateLimits']> } : {}),
  };
}

/** Resolves `wgo scan`'s settings. */
export function resolveScanSettings(
  args: ParsedArgs,
  file: WgoConfig,
  registered: readonly string[],
): ScanSettings {
  const defaults = file.scan ?? {};
  const notes: string[] = [];
  const concurrent = flag<boolean>(args, 'concurrent') ?? defaults.concurrent ?? false;
  const maxWorkers = flag<number>(args, 'max-workers') ?? defaults.maxWorkers ?? DEFAULT_MAX_WORKERS;
  if (!concurrent && args.given.has('max-workers') && maxWorkers > 1) {
    notes.push('--max-workers has no effect without --concurrent: providers are scanned one at a time');
  }
  const fileTimeout = defaults.scanTimeout === undefined ? undefined : parseDuration(defaults.scanTimeout);
  const providers = selectProviders(args, file, registered);
  const types = flag<string[]>(args, 'types') ?? defaults.types ?? [];
  const excludeTypes = flag<string[]>(args, 'exclude-types') ?? defaults.excludeTypes ?? [];
  const outputFile = flag<string>(args, 'output-file');
  return {
    scan: {
      providers: Object.fromEntries(providers.map((name) => [name, providerConfig(name, args, file)])),
      maxWorkers: concurrent ? maxWorkers : 1,
      timeout: flag<number>(args, 'scan-timeout') ?? fileTimeout ?? DEFAULT_TIMEOUT_MS,
      failOnError: flag<boolean>(args, 'fail-on-error') ?? defaults.failOnError ?? false,
      skipMerging: flag<boolean>(args, 'skip-merging') ?? defaults.skipMerging ?? false,
      preferredOrder: flag<string[]>(args, 'preferred-order') ?? defaults.preferredOrder ?? [],
      types,
      excludeTypes,
    },
    output: flag<OutputFormat>(args, 'output') ?? defaults.output ?? 'table',
    ...(outputFile ? { outputFile } : {}),
    quiet: flag<boolean>(args, 'quiet') ?? false,
    notes,
  };
}
