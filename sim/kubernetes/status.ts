/** The API server's `Status` error objects and the standard answers of the Kubernetes front end. */
import { type CallErrors, json, type SimResponse } from '../http/types.ts';

/** A `Status` failure. */
export function status(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
  headers: Record<string, string> = {},
  metadata: Record<string, unknown> = {},
): SimResponse {
  return json(
    code,
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata,
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    },
    headers,
  );
}

/** The identity the simulator's kubeconfig users have. */
export const SCANNER_USER = 'system:serviceaccount:wgo:scanner';

/** Errors for one list call. */
export function kubeCallErrors(group: string, resource: string, namespace: string | undefined): CallErrors {
  const where = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return {
    throttled: () =>
      status(
        429,
        'TooManyRequests',
        'Too many requests, please try again later.',
        { retryAfterSeconds: 1 },
        { 'retry-after': '1' },
      ),
    unavailable: () =>
      status(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out', {
        causes: [{ message: 'etcdserver: request timed out' }],
      }),
    denied: (reason) =>
      reason === 'notEnabled'
        ? status(404, 'NotFound', 'the server could not find the requested resource', {
            group,
            kind: resource,
          })
        : status(
            403,
            'Forbidden',
            `${resource} is forbidden: User "${SCANNER_USER}" cannot list resource "${resource}" in API group "${group}" ${where}`,
            { group, kind: resource },
          ),
  };
}
