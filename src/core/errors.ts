/**
 * The error tree. Every error wgo raises on purpose is a `WgoError` with a stable `code` and a
 * one-line message; the CLI maps the class to an exit code and prints the message, never a stack
 * (unless WGO_DEBUG=true). Errors carry the context that failed (provider, scope, API, file) so a
 * report can say exactly where.
 */
import type { ProviderErrorRecord } from './snapshot.ts';

/** The base of every deliberate wgo error. */
export class WgoError extends Error {
  /** A stable, machine-readable code. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A bad command line: unknown flag, bad value, unknown provider. Exit code 2. */
export class UsageError extends WgoError {
  constructor(message: string, options?: ErrorOptions) {
    super('usage', message, options);
  }
}

/**
 * A configuration that cannot be used: a config file, kubeconfig or credentials file that is
 * missing or malformed. Exit code 2. `file` names the culprit.
 */
export class ConfigError extends WgoError {
  readonly file: string | undefined;

  constructor(message: string, options?: ErrorOptions & { file?: string }) {
    super('config', message, options);
    this.file = options?.file;
  }
}

/** Where inside a provider something failed. */
export interface ProviderErrorContext {
  /** The provider's registered name (`aws`, `terraform`, ...). */
  provider: string;
  /** Region, project, cluster/namespace, state file: the narrowest scope that failed. */
  scope: string;
  /** The API or operation (`ec2:DescribeInstances`, `read-state`). */
  api: string;
}

/** A failure inside one provider's scan. It becomes a `ProviderErrorRecord` in the snapshot. */
export class ProviderError extends WgoError {
  readonly provider: string;
  readonly scope: string;
  readonly api: string;

  constructor(code: string, message: string, context: ProviderErrorContext, options?: ErrorOptions) {
    super(code, message, options);
    this.provider = context.provider;
    this.scope = context.scope;
    this.api = context.api;
  }

  /** The form stored in a snapshot. */
  toRecord(): ProviderErrorRecord {
    return { scope: this.scope, api: this.api, code: this.code, message: this.message };
  }
}

/** What a failed API call means (see `src/net/classify.ts`, which decides it). */
export type ErrorKind =
  /** The API asked us to slow down: retry after a pause, and lower the rate. */
  | 'throttling'
  /** A passing fault (5xx, reset, timeout): retry with backoff. */
  | 'transient'
  /** The credentials are missing, wrong or expired: nothing of this account will work. */
  | 'credentials'
  /** This call is not allowed (IAM, RBAC, a disabled API): record it, go on with the rest. */
  | 'denied'
  /** The thing asked for does not exist (a normal answer for optional configuration). */
  | 'not-found'
  /** The continuation token expired (Kubernetes 410 Gone): restart the list. */
  | 'expired'
  /** Anything else: record it, do not retry. */
  | 'fatal';

/** An API call that failed for good, after the retries its kind allows. */
export class ApiCallError extends ProviderError {
  readonly kind: ErrorKind;
  readonly attempts: number;
  readonly status: number | undefined;

  constructor(
    details: { kind: ErrorKind; code: string; message: string; attempts: number; status?: number },
    context: ProviderErrorContext,
    options?: ErrorOptions,
  ) {
    super(details.code, details.message, context, options);
    this.kind = details.kind;
    this.attempts = details.attempts;
    this.status = details.status;
  }
}

/**
 * A provider that has nothing to scan or cannot start for a reason that is not a failure of the
 * provider itself (no configuration found). Its status becomes `skipped`.
 */
export class ProviderSkipped extends WgoError {
  constructor(message: string) {
    super('skipped', message);
  }
}

/** Why a text could not be read as a Terraform state. */
export type StateFormatErrorCode = 'corrupt-state' | 'unsupported-state-version' | 'not-a-state';

/**
 * A Terraform state that cannot be read. `corrupt-state`: invalid or truncated JSON, or a field
 * of the wrong shape; `unsupported-state-version`: a format version other than 3 and 4;
 * `not-a-state`: an empty text or a JSON value that is not a state. The message is one line that
 * names the reason and where (line and column, or the field), never an attribute value; the
 * caller adds the file.
 */
export class StateFormatError extends WgoError {
  constructor(code: StateFormatErrorCode, message: string) {
    super(code, message);
  }
}

/** One line for any thrown value, for reports and logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n', 1)[0] || error.name;
  return String(error);
}
