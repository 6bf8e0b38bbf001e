/**
 * GETs of Google's JSON REST APIs: signed by the credentials' client, sent over the scan's shared
 * keep-alive agents, and made through `ctx.net.call` (rate limiter, the one retry loop, counters,
 * `ApiCallError`). The library's own retries are off.
 */
import type { CollectorContext } from '../../scanner/collector.ts';
import type { GcpCredentials } from './credentials.ts';
import type { Endpoints, GcpService } from './endpoints.ts';

/** How long one request may take before it counts as a transient failure (hung connections). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** One GET of a GCP API. */
export interface GcpRequest {
  readonly project: string;
  readonly service: GcpService;
  /** The operation, for reports and limits: `compute.instances.aggregatedList`. */
  readonly api: string;
  /** The zone or region the call is about, else `global`: picks the rate limiter and the report scope. */
  readonly location: string;
  /** The path under the API's base URL: `/compute/v1/projects/P/global/networks`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
}

/** Calls GCP APIs for one scan. */
export interface GcpApi {
  get<T>(request: GcpRequest): Promise<T>;
}

/** The URL of a request on `endpoints`; empty query values are left out. */
export function requestUrl(endpoints: Endpoints, request: GcpRequest): string {
  const url = new URL(`${endpoints[request.service]}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
  }
  return url.toString();
}

/** The report scope of a request: `PROJECT/LOCATION`. */
export function scopeOf(request: Pick<GcpRequest, 'project' | 'location'>): string {
  return `${request.project}/${request.location}`;
}

/** A `GcpApi` that signs with `credentials` and calls through `ctx.net`. */
export function gcpApi(ctx: CollectorContext, credentials: GcpCredentials, endpoints: Endpoints): GcpApi {
  const { pool } = ctx.net;
  const agent = (url: URL) => (url.protocol === 'http:' ? pool.http : pool.https);
  return {
    async get<T>(request: GcpRequest): Promise<T> {
      const url = requestUrl(endpoints, request);
      const target = {
        account: request.project,
        region: request.location,
        service: request.service,
        api: request.api,
        scope: scopeOf(request),
      };
      const response = await ctx.net.call(target, (signal) =>
        credentials.client.request<T>({
          url,
          method: 'GET',
          responseType: 'json',
          agent,
          signal,
          timeout: REQUEST_TIMEOUT_MS,
          retry: false,
        }),
      );
      return response.data;
    },
  };
}
