/** The request and response shapes every protocol front end works with. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Provider } from '../inventory/collection.ts';

/** A fully read request. */
export interface SimRequest {
  readonly method: string;
  /** The path exactly as sent, still percent-encoded. */
  readonly rawPath: string;
  /** The query string as sent, without `?`. */
  readonly rawQuery: string;
  /** The decoded path. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A response to write. */
export interface SimResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

/** Where a call lands, for stats, rate limits, faults and denials. */
export interface CallSite {
  readonly provider: Provider;
  /** `ec2`, `s3`, `compute`, `storage`, a Kubernetes API group (`core`, `apps`). */
  readonly service: string;
  /** The operation: `DescribeInstances`, `instances.aggregatedList`, `pods.list`. */
  readonly api: string;
  /** AWS account, GCP project or Kubernetes cluster, when known. */
  readonly account?: string;
  /** AWS region, GCP zone or region, Kubernetes namespace, when the call has one. */
  readonly region?: string;
}

/** The answers a protocol gives when the simulator intervenes in a call. */
export interface CallErrors {
  /** The service's own throttling error. */
  throttled(): SimResponse;
  /** A transient server error (5xx). */
  unavailable(): SimResponse;
  /** Access denied, or the API is not enabled, as the service says it. */
  denied(reason: DenyReason): SimResponse;
}

/** Why a denied call is refused. */
export type DenyReason = 'accessDenied' | 'notEnabled';

/** A call the front end recognised and authenticated. */
export interface Call {
  readonly site: CallSite;
  readonly errors: CallErrors;
  /** Computes the successful answer. */
  serve(): SimResponse;
}

/** A protocol front end: turns a request into a call, or answers it directly (auth failure, 404). */
export interface Frontend {
  readonly provider: Provider;
  resolve(request: SimRequest): Call | SimResponse;
}

/** JSON response helper. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** XML response helper. */
export function xml(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8', ...headers }, body };
}
