/**
 * SDK clients for one account: created on first use per (service, region), all sharing the
 * scan's keep-alive agents through one request handler, one credentials provider per profile
 * (resolved once, refreshed by the SDK when it expires), and no SDK retries: wgo's retry loop and
 * rate limiters (`ctx.net.call`) own that. Clients are never `destroy()`ed: that would destroy
 * the shared agents, which belong to the scanner's pool.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { ConnectionPool } from '../../net/connection-pool.ts';
import type { AwsService, ProfileConfig } from './profile-config.ts';

const CONSTRUCTORS = {
  ec2: EC2Client,
  s3: S3Client,
  iam: IAMClient,
  sts: STSClient,
  rds: RDSClient,
  lambda: LambdaClient,
} as const;

/** The SDK client class of a service. */
export type ClientOf<S extends AwsService> = InstanceType<(typeof CONSTRUCTORS)[S]>;

/** Where IAM's global endpoint lives in the standard partition. */
export const GLOBAL_REGION = 'us-east-1';

/** The clients of one profile (one account). */
export class AwsClients {
  readonly #profile: string | undefined;
  readonly #config: ProfileConfig;
  readonly #handler: NodeHttpHandler;
  readonly #credentials: ReturnType<typeof defaultProvider>;
  readonly #clients = new Map<string, unknown>();

  /**
   * @param profile the named profile, or `undefined` for the default chain (AWS_PROFILE, env
   *   keys, SSO, web identity, container and instance roles).
   */
  constructor(profile: string | undefined, config: ProfileConfig, pool: ConnectionPool) {
    this.#profile = profile;
    this.#config = config;
    this.#handler = new NodeHttpHandler({
      httpAgent: pool.http,
      httpsAgent: pool.https,
      connectionTimeout: 10_000,
      requestTimeout: 60_000,
    });
    this.#credentials = defaultProvider({ ...config.files, ...(profile ? { profile } : {}) });
  }

  /** The client of `service` in `region`. */
  get<S extends AwsService>(service: S, region: string): ClientOf<S> {
    const key = `${service}/${region}`;
    let client = this.#clients.get(key);
    if (!client) {
      const endpoint = this.#config.endpoint(service);
      const Constructor = CONSTRUCTORS[service] as unknown as new (config: object) => ClientOf<S>;
      client = new Constructor({
        region,
        credentials: this.#credentials,
        requestHandler: this.#handler,
        maxAttempts: 1,
        ...(this.#profile ? { profile: this.#profile } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(service === 's3' ? { followRegionRedirects: true } : {}),
      });
      this.#clients.set(key, client);
    }
    return client as ClientOf<S>;
  }
}
