/** What an AWS service handler gets for one authenticated request. */
import type { Knobs } from '../http/knobs.ts';
import type { Call, SimRequest, SimResponse } from '../http/types.ts';
import type { Inventory } from '../inventory/inventory.ts';
import { type AwsProtocol, callErrors } from './errors.ts';

/** One authenticated AWS request. */
export interface AwsContext {
  readonly request: SimRequest;
  readonly protocol: AwsProtocol;
  readonly service: string;
  readonly account: string;
  /** The region of the SigV4 credential scope. */
  readonly region: string;
  readonly inventory: Inventory;
  readonly knobs: Knobs;
}

/** A service handler: turns a request into a call, or answers it (unknown action, bad input). */
export type AwsService = (ctx: AwsContext) => Call | SimResponse;

/** Builds the call for `api`; `global` calls (IAM, S3 ListBuckets) carry no region in their site. */
export function awsCall(ctx: AwsContext, api: string, serve: () => SimResponse, global = false): Call {
  return {
    site: {
      provider: 'aws',
      service: ctx.service,
      api,
      account: ctx.account,
      ...(global ? {} : { region: ctx.region }),
    },
    errors: callErrors(ctx.protocol, ctx.service, api, ctx.account),
    serve,
  };
}

/** The query-protocol parameters: the form body of a POST, or the query string. */
export function queryParams(request: SimRequest): URLSearchParams {
  return request.method === 'POST' && request.body.length > 0
    ? new URLSearchParams(request.body.toString())
    : request.query;
}

/**
 * The page size a caller asked for (`fallback` when absent), or undefined when it is outside the
 * API's range; each service words that error itself.
 */
export function pageSize(raw: string | null, min: number, max: number, fallback: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}
