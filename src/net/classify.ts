/**
 * One error classifier for every provider: it reads what AWS SDK v3, Google's clients and the
 * Kubernetes client throw (and plain network errors) and says what the error means for a retry
 * and for the report. Collectors never match error codes themselves.
 */
import type { ErrorKind } from '../core/errors.ts';

export type { ErrorKind };

/** An error, read. */
export interface Classified {
  readonly kind: ErrorKind;
  /** The provider's code (`RequestLimitExceeded`, `rateLimitExceeded`, `Forbidden`) or the network code. */
  readonly code: string;
  readonly status?: number;
  /** How long the server asked us to wait, when it said. */
  readonly retryAfterMs?: number;
  /** One line, safe to store (never a credential). */
  readonly message: string;
}

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
  'TooManyRequests',
]);

const TRANSIENT_CODES = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'backendError',
  'internalError',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const CREDENTIAL_CODES = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'AuthFailure',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidToken',
  'CredentialsProviderError',
  'TokenProviderError',
  'authError',
  'UNAUTHENTICATED',
  'Unauthorized',
]);

const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'OptInRequired',
  'Forbidden',
  'forbidden',
  'accessNotConfigured',
  'insufficientPermissions',
  'PERMISSION_DENIED',
  'SERVICE_DISABLED',
]);

/** The fields we read, whichever library threw. */
interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  message?: unknown;
  reason?: unknown;
  cause?: unknown;
  headers?: unknown;
  body?: unknown;
  response?: { status?: unknown; headers?: unknown; data?: unknown };
  errors?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
  $response?: { headers?: unknown };
}

function asShape(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : {};
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return undefined;
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function statusOf(shape: ErrorShape): number | undefined {
  for (const value of [
    shape.$metadata?.httpStatusCode,
    shape.response?.status,
    shape.statusCode,
    typeof shape.status === 'number' ? shape.status : undefined,
    typeof shape.code === 'number' ? shape.code : undefined,
  ]) {
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
  }
  return undefined;
}

/** Google puts the reason in `errors[0].reason` or `error.errors[0].reason` of the body. */
function googleReason(shape: ErrorShape): string | undefined {
  const lists = [
    shape.errors,
    (shape.response?.data as { error?: { errors?: unknown } } | undefined)?.error?.errors,
  ];
  for (const list of lists) {
    const reason = Array.isArray(list) ? (list[0] as { reason?: unknown } | undefined)?.reason : undefined;
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** The Status object Kubernetes puts in an error body: `{kind: "Status", reason: "Forbidden", message}`. */
function kubernetesStatus(shape: ErrorShape): { reason?: unknown; message?: unknown } | undefined {
  let body = shape.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const status = body as { kind?: unknown; reason?: unknown; message?: unknown } | undefined;
  return status?.kind === 'Status' ? status : undefined;
}

function kubernetesReason(shape: ErrorShape): string | undefined {
  const reason = kubernetesStatus(shape)?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** Names that say nothing about the failure: `fetch` throws a bare TypeError with the cause inside. */
const GENERIC_NAMES = new Set(['Error', 'TypeError']);

function codeOf(shape: ErrorShape): string | undefined {
  const cause = asShape(shape.cause);
  const candidates = [
    googleReason(shape),
    kubernetesReason(shape),
    typeof shape.Code === 'string' ? shape.Code : undefined,
    typeof shape.code === 'string' ? shape.code : undefined,
    typeof cause.code === 'string' ? cause.code : undefined,
    typeof shape.name === 'string' && !GENERIC_NAMES.has(shape.name) ? shape.name : undefined,
  ];
  return candidates.find((code) => code !== undefined && code !== '');
}

function firstLine(value: unknown): string {
  return typeof value === 'string' ? (value.split('\n', 1)[0] ?? '') : '';
}

function kindOf(code: string | undefined, status: number | undefined, shape: ErrorShape): ErrorKind {
  if (shape.$retryable?.throttling === true) return 'throttling';
  if (code !== undefined) {
    if (THROTTLING_CODES.has(code)) return 'throttling';
    if (CREDENTIAL_CODES.has(code)) return 'credentials';
    if (DENIED_CODES.has(code)) return 'denied';
    if (TRANSIENT_CODES.has(code)) return 'transient';
    if (code === 'Expired' || code === 'Gone') return 'expired';
    if (/^NoSuch|NotFound|^notFound$/.test(code)) return 'not-found';
  }
  if (status === 429) return 'throttling';
  if (status === 401) return 'credentials';
  if (status === 403) return 'denied';
  if (status === 404) return 'not-found';
  if (status === 410) return 'expired';
  if (status === 408 || (status !== undefined && status >= 500)) return 'transient';
  return 'fatal';
}

/**
 * Classifies a thrown value.
 *
 * @example classifyError(awsThrottlingError).kind === 'throttling'
 */
export function classifyError(error: unknown, now: number = Date.now()): Classified {
  const shape = asShape(error);
  const causeCode =
    typeof asShape(shape.cause).code === 'string' ? (asShape(shape.cause).code as string) : undefined;
  const status = statusOf(shape);
  const code = codeOf(shape) ?? causeCode;
  const kind = kindOf(code ?? causeCode, status, shape);
  const headers = shape.$response?.headers ?? shape.response?.headers ?? shape.headers;
  const retryAfterMs = parseRetryAfter(headerOf(headers, 'retry-after'), now);
  // client-node's ApiException message is "HTTP-Code: 403" plus the body; the Status says more.
  const message =
    firstLine(kubernetesStatus(shape)?.message) ||
    firstLine(shape.message) ||
    firstLine(error) ||
    code ||
    'error';
  return {
    kind,
    code: code ?? (status !== undefined ? `HTTP${status}` : 'error'),
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    message,
  };
}

/** Whether a call that failed this way is worth another attempt. */
export function isRetryable(kind: ErrorKind): boolean {
  return kind === 'throttling' || kind === 'transient';
}
