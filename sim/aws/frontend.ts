/**
 * The single AWS endpoint: authenticates with SigV4 (account from the access key id, service and
 * region from the credential scope) and hands the request to the service's handler.
 */

import type { Knobs } from '../http/knobs.ts';
import type { Frontend, SimRequest } from '../http/types.ts';
import type { Inventory } from '../inventory/inventory.ts';
import type { AwsService } from './context.ts';
import { ec2 } from './ec2.ts';
import { type AwsProtocol, awsError, standardError } from './errors.ts';
import { lambda } from './lambda.ts';
import { iam, rds, sts } from './query.ts';
import { s3 } from './s3.ts';
import { parseAuthorization, verifySignature } from './sigv4.ts';

/** Credentials the simulator issued for one account. */
export interface AwsCredential {
  readonly account: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const SERVICES: Record<string, { protocol: AwsProtocol; handler: AwsService }> = {
  ec2: { protocol: 'ec2', handler: ec2 },
  sts: { protocol: 'query', handler: sts },
  iam: { protocol: 'query', handler: iam },
  rds: { protocol: 'query', handler: rds },
  s3: { protocol: 's3', handler: s3 },
  lambda: { protocol: 'lambda', handler: lambda },
};

/** Guesses the protocol of an unsigned request, to answer in the format its client expects. */
function guessService(request: SimRequest): string {
  const params = request.method === 'POST' ? request.body.toString() : request.rawQuery;
  if (/(^|&)Version=2016-11-15(&|$)/.test(params)) return 'ec2';
  if (/(^|&)Action=/.test(params)) return 'sts';
  if (request.path.startsWith('/2015-03-31/')) return 'lambda';
  return 's3';
}

/** Builds the AWS front end. */
export function awsFrontend(
  inventory: Inventory,
  knobs: Knobs,
  credentials: readonly AwsCredential[],
): Frontend {
  const byKey = new Map(credentials.map((c) => [c.accessKeyId, c]));
  return {
    provider: 'aws',
    resolve(request) {
      const header = request.headers.authorization;
      const auth = parseAuthorization(header);
      if (!auth) {
        const service = guessService(request);
        const { protocol } = SERVICES[service] as { protocol: AwsProtocol };
        return standardError(protocol, service, 'missing');
      }
      const entry = SERVICES[auth.service];
      if (!entry)
        return awsError(
          'query',
          auth.service,
          400,
          'UnknownService',
          `The simulator does not serve ${auth.service}`,
        );
      const credential = byKey.get(auth.accessKeyId);
      if (!credential) return standardError(entry.protocol, auth.service, 'unknownKey', '', auth.accessKeyId);
      if (!verifySignature(request, auth, credential.secretAccessKey))
        return standardError(entry.protocol, auth.service, 'badSignature', '', auth.accessKeyId);
      return entry.handler({
        request,
        protocol: entry.protocol,
        service: auth.service,
        account: credential.account,
        region: auth.region,
        inventory,
        knobs,
      });
    },
  };
}
