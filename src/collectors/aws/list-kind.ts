/**
 * One AWS list API as a page chain: what every service file (ec2, iam, rds, lambda) declares,
 * and what the collector runs as one job per (account, region), or per account when global.
 */
import type { Resource } from '../../core/resource.ts';
import type { ClientOf } from './clients.ts';
import type { AwsService } from './profile-config.ts';
import type { AwsScope } from './resource.ts';

/** A page of resources and the token of the next page. */
export interface AwsPage {
  readonly resources: Resource[];
  readonly next: string | undefined;
}

export interface AwsListKind<S extends AwsService = AwsService> {
  /** The resource type it yields. */
  readonly type: string;
  readonly service: S;
  /** `ec2:DescribeInstances`, for reports and limiter accounting. */
  readonly api: string;
  /** Listed once per account (IAM), not per region. */
  readonly global?: boolean;
  /** Fetches the page after `token`. */
  page(
    client: ClientOf<S>,
    token: string | undefined,
    signal: AbortSignal,
    scope: AwsScope & { region: string },
  ): Promise<AwsPage>;
}
