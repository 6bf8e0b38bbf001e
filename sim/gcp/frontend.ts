/**
 * One base URL for every GCP API, under the same paths as on googleapis.com, plus the OAuth token
 * endpoint named by the service-account key's `token_uri`.
 */

import type { Knobs } from '../http/knobs.ts';
import { type Frontend, json, type SimRequest } from '../http/types.ts';
import type { Inventory } from '../inventory/inventory.ts';
import type { GcpAuth } from './auth.ts';
import { computeRoute } from './compute.ts';
import { gcpCall } from './context.ts';
import { googleError, invalidCredential, missingCredential } from './errors.ts';
import { bucketsList, clustersList, serviceAccountsList } from './services.ts';

/** The path of the token endpoint on the GCP base URL. */
export const TOKEN_PATH = '/token';

function tokenEndpoint(auth: GcpAuth, request: SimRequest) {
  const form = new URLSearchParams(request.body.toString());
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    return json(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
  }
  const token = auth.issueToken(form.get('assertion') ?? '');
  if (!token) return json(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
  return json(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
}

/** Builds the GCP front end. */
export function gcpFrontend(inventory: Inventory, knobs: Knobs, auth: GcpAuth): Frontend {
  return {
    provider: 'gcp',
    resolve(request) {
      if (request.method === 'POST' && request.path === TOKEN_PATH) {
        return gcpCall('oauth2', 'token', '', () => tokenEndpoint(auth, request));
      }
      const header = request.headers.authorization ?? '';
      if (!header.startsWith('Bearer ')) return missingCredential();
      if (!auth.accepts(header.slice(7).trim())) return invalidCredential();
      if (request.method !== 'GET')
        return googleError(405, 'METHOD_NOT_ALLOWED', 'The simulator serves list calls only.', 'notAllowed');
      const ctx = { request, inventory, knobs };
      const segments = request.path.split('/').filter((s) => s !== '');
      const [api, version, ...rest] = segments;
      if (api === 'compute' && version === 'v1' && rest[0] === 'projects') return computeRoute(ctx, rest);
      if (api === 'storage' && version === 'v1' && rest.length === 1 && rest[0] === 'b')
        return bucketsList(ctx);
      if (api === 'v1' && version === 'projects') {
        const [project = '', a, b, c] = rest;
        if ((a === 'locations' || a === 'zones') && b && c === 'clusters' && rest.length === 4)
          return clustersList(ctx, project, b);
        if (a === 'serviceAccounts' && rest.length === 2) return serviceAccountsList(ctx, project);
      }
      return googleError(
        404,
        'NOT_FOUND',
        `The requested URL ${request.path} was not found on this server.`,
        'notFound',
      );
    },
  };
}
