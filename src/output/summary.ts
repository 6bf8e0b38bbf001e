/**
 * The human summary printed after a scan (the default `table` output): total time, each
 * provider's time and status, the efficiency ratio, resources by type and every error.
 */
import { formatDuration } from '../core/duration.ts';
import type { ProviderStatus } from '../core/snapshot.ts';
import type { ScanSummary } from '../scanner/scan-types.ts';
import { columns, counts } from './columns.ts';

/** What the summary needs besides the scan's own figures. */
export interface SummaryInput extends ScanSummary {
  /** Resources in the snapshot by type, after merging. */
  readonly resourcesByType: Readonly<Record<string, number>>;
  /** Reports folded into a resource another provider also reported. */
  readonly duplicates: number;
  /** Where the snapshot was written, if anywhere. */
  readonly outputFile?: string;
  /** Colour status words (a terminal without NO_COLOR). */
  readonly color?: boolean;
  /** Sockets opened vs requests sent through the shared pool. */
  readonly connections?: { readonly socketsOpened: number; readonly requests: number };
}

const STATUS_COLOR: Readonly<Record<ProviderStatus, string>> = {
  ok: '32',
  partial: '33',
  failed: '31',
  timed_out: '31',
  cancelled: '33',
  skipped: '90',
};

/** Renders the summary as lines of text ending in a newline. */
export function renderSummary(input: SummaryInput): string {
  const providers = Object.entries(input.providerResults);
  const total = Object.values(input.resourcesByType).reduce((sum, count) => sum + count, 0);
  const paint = (status: ProviderStatus) =>
    input.color ? `\u001b[${STATUS_COLOR[status]}m${status}\u001b[0m` : status;
  const lines: string[] = [];

  const stopped =
    input.stoppedBy === 'fail-on-error'
      ? ' (stopped: --fail-on-error)'
      : input.stoppedBy === 'signal'
        ? ' (interrupted)'
        : '';
  lines.push(
    `Scanned ${providers.length} provider${providers.length === 1 ? '' : 's'} in ${formatDuration(input.totalDurationMs)}: ` +
      `${counts.format(total)} resources, efficiency ratio ${input.efficiencyRatio.toFixed(2)}${stopped}`,
  );
  if (input.duplicates > 0) {
    lines.push(`${counts.format(input.duplicates)} duplicate reports merged (by uid)`);
  }
  if (input.connections && input.connections.requests > 0) {
    const { socketsOpened, requests } = input.connections;
    lines.push(`${counts.format(requests)} HTTP requests over ${counts.format(socketsOpened)} connections`);
  }
  lines.push('');

  const providerRows = [
    ['PROVIDER', 'STATUS', 'TIME', 'RESOURCES', 'API CALLS', 'RETRIES', 'THROTTLED', 'ERRORS'],
    ...providers.map(([name, result]) => [
      name,
      result.status,
      formatDuration(result.durationMs),
      counts.format(Object.values(result.resources).reduce((sum, count) => sum + count, 0)),
      counts.format(result.apiCalls),
      counts.format(result.retries),
      counts.format(result.throttled),
      counts.format(result.errors.length),
    ]),
  ];
  const rendered = columns(providerRows, new Set([2, 3, 4, 5, 6, 7]));
  lines.push(
    ...rendered.map((line, i) => {
      const result = providers[i - 1]?.[1];
      return result ? line.replace(` ${result.status} `, ` ${paint(result.status)} `) : line;
    }),
  );

  const types = Object.entries(input.resourcesByType).sort(([a], [b]) => (a < b ? -1 : 1));
  if (types.length > 0) {
    lines.push(
      '',
      ...columns(
        [['TYPE', 'COUNT'], ...types.map(([type, count]) => [type, counts.format(count)])],
        new Set([1]),
      ),
    );
  }

  const all = providers.flatMap(([name, result]) => result.errors.map((error) => ({ name, ...error })));
  const skipped = all.filter((error) => error.code === 'skipped');
  if (skipped.length > 0) {
    lines.push('', 'SKIPPED');
    for (const note of skipped) lines.push(`  ${note.name}: ${note.message}`);
  }
  const errors = all.filter((error) => error.code !== 'skipped');
  if (errors.length > 0) {
    lines.push('', 'ERRORS');
    for (const error of errors) {
      lines.push(`  ${error.name}  ${error.scope}  ${error.api}  ${error.code}: ${error.message}`);
    }
  }
  if (input.outputFile) lines.push('', `Snapshot written to ${input.outputFile}`);
  return `${lines.join('\n')}\n`;
}
