/**
 * What the per-service code of one account's scan shares: the collector context, the account's
 * clients, and which regions are in scope.
 */
import type { CollectorContext } from '../../scanner/collector.ts';
import type { AwsClients } from './clients.ts';
import type { AwsService } from './profile-config.ts';

export interface AccountScan {
  readonly ctx: CollectorContext;
  readonly clients: AwsClients;
  readonly account: string;
  /** The profile, or `undefined` for the default chain: for messages. */
  readonly profile: string | undefined;
  /** Regions scanned, in order. */
  readonly regions: readonly string[];
  /** A region for global APIs (IAM, S3 ListBuckets): the first scanned one. */
  readonly homeRegion: string;
  readonly observedAt: string;
}

/** Calls `send` through the limiter of (account, region, service) with retries. */
export function callAws<T>(
  scan: AccountScan,
  target: { region: string; service: AwsService; api: string; scope?: string },
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return scan.ctx.net.call({ account: scan.account, ...target }, send);
}
