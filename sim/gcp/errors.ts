/** Google's JSON error bodies and the standard answers of the GCP front end. */
import { type CallErrors, json, type SimResponse } from '../http/types.ts';
import { projectNumber } from '../inventory/gcp.ts';

/** Google's error envelope. */
export function googleError(
  code: number,
  status: string,
  message: string,
  reason: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): SimResponse {
  return json(
    code,
    {
      error: {
        code,
        message,
        errors: [
          {
            message,
            domain:
              reason === 'rateLimitExceeded' || reason === 'accessNotConfigured' ? 'usageLimits' : 'global',
            reason,
            ...extra,
          },
        ],
        status,
      },
    },
    headers,
  );
}

const PRODUCT: Record<string, string> = {
  compute: 'Compute Engine API',
  storage: 'Cloud Storage JSON API',
  container: 'Kubernetes Engine API',
  iam: 'Identity and Access Management (IAM) API',
};

/** The errors for one call to `service` in `project`. */
export function gcpCallErrors(service: string, api: string, project: string): CallErrors {
  const number = projectNumber(project);
  return {
    throttled: () =>
      googleError(
        429,
        'RESOURCE_EXHAUSTED',
        `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service '${service}.googleapis.com' for consumer 'project_number:${number}'.`,
        'rateLimitExceeded',
      ),
    unavailable: () =>
      googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.', 'backendError'),
    denied: (reason) =>
      reason === 'notEnabled'
        ? googleError(
            403,
            'PERMISSION_DENIED',
            `${PRODUCT[service] ?? service} has not been used in project ${number} before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/${service}.googleapis.com/overview?project=${number} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`,
            'accessNotConfigured',
            { extendedHelp: 'https://console.developers.google.com' },
          )
        : googleError(
            403,
            'PERMISSION_DENIED',
            `Required '${service}.${api.replace('aggregatedList', 'list')}' permission for 'projects/${project}'`,
            'forbidden',
          ),
  };
}

/** 401 for a request without a credential. */
export function missingCredential(): SimResponse {
  return googleError(
    401,
    'UNAUTHENTICATED',
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'required',
    { location: 'Authorization', locationType: 'header' },
    { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
  );
}

/** 401 for a credential the simulator did not issue. */
export function invalidCredential(): SimResponse {
  return googleError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'authError',
    { location: 'Authorization', locationType: 'header' },
    { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  );
}
