/**
 * Live progress lines: one per provider, with its state, time, resources found, API calls in
 * flight, throttles and errors.
 */
import { formatDuration } from '../core/duration.ts';
import type { ProviderProgress } from '../scanner/scan-types.ts';
import { columns, counts } from './columns.ts';

/** The progress lines of a scan, one per provider, in start order. */
export function renderProgress(providers: Readonly<Record<string, ProviderProgress>>): string[] {
  const rows = Object.entries(providers).map(([name, p]) => [
    name,
    p.state.replace('_', ' '),
    p.state === 'waiting' ? '' : formatDuration(p.elapsedMs),
    `${counts.format(p.resources)} resources`,
    `${counts.format(p.inFlight)} in flight`,
    `${counts.format(p.throttled)} throttled`,
    `${counts.format(p.errors)} errors`,
  ]);
  return columns(rows, new Set([2, 3, 4, 5, 6]));
}
