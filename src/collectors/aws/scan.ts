/**
 * The AWS scan: every profile (one account each) is resolved in parallel, then each (account,
 * region, API) page chain and each bucket's detail calls run as jobs in the provider's pool,
 * through the shared connection pool and the per-(account, region, service) rate limiters. A
 * denied API, a failing region or a profile with bad credentials is reported and the rest goes
 * on; the provider fails only when no account could be scanned. Loaded only when AWS is scanned:
 * the SDK takes half a second to import.
 */
import { ProviderError, ProviderSkipped } from '../../core/errors.ts';
import { followPages } from '../../net/pages.ts';
import type { CollectorConfig, CollectorContext, ValidationCheck } from '../../scanner/collector.ts';
import { type Job, runJobs } from '../../scanner/run-jobs.ts';
import { identify, openAccount, openProfile, profileScope } from './account.ts';
import { type AccountScan, callAws } from './account-scan.ts';
import { EC2_KINDS } from './ec2.ts';
import { IAM_KINDS } from './iam.ts';
import { LAMBDA_KINDS } from './lambda.ts';
import type { AwsListKind } from './list-kind.ts';
import { hasDefaultConfiguration } from './profile-config.ts';
import { RDS_KINDS } from './rds.ts';
import { S3_TYPE, s3Job } from './s3.ts';
import { awsSettings } from './settings.ts';

/** Every list API the collector runs (S3 has its own jobs). */
export const LIST_KINDS: readonly AwsListKind[] = [...EC2_KINDS, ...IAM_KINDS, ...RDS_KINDS, ...LAMBDA_KINDS];

/** One page chain of one kind in one region (or once per account for global kinds). */
function listJob(scan: AccountScan, kind: AwsListKind, region: string): Job {
  const where = kind.global ? 'global' : region;
  const scope = `${scan.account}/${where}`;
  const pageScope = { account: scan.account, region, observedAt: scan.observedAt };
  return {
    scope,
    api: kind.api,
    run: async () => {
      await followPages({
        fetch: (token) =>
          callAws(scan, { region: where, service: kind.service, api: kind.api, scope }, (signal) =>
            kind.page(scan.clients.get(kind.service, region), token, signal, pageScope),
          ),
        next: (page) => page.next,
        onPage: (page) => scan.ctx.emit(page.resources),
      });
    },
  };
}

/** Every job of one account, for the types the scan wants. */
function accountJobs(scan: AccountScan): Job[] {
  const jobs: Job[] = [];
  for (const kind of LIST_KINDS) {
    if (!scan.ctx.types.includes(kind.type)) continue;
    if (kind.global) jobs.push(listJob(scan, kind, scan.homeRegion));
    else for (const region of scan.regions) jobs.push(listJob(scan, kind, region));
  }
  if (scan.ctx.types.includes(S3_TYPE)) jobs.push(s3Job(scan));
  return jobs;
}

/** Scans every configured account. */
export async function scanAws(
  config: CollectorConfig,
  ctx: CollectorContext,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const settings = awsSettings(config.config);
  if (settings.profiles.length === 0 && !(await hasDefaultConfiguration(env))) {
    throw new ProviderSkipped('no AWS configuration: pass --profile, set AWS_PROFILE, or run aws configure');
  }
  const profiles = settings.profiles.length > 0 ? settings.profiles : [undefined];
  let opened = 0;
  await runJobs(
    ctx,
    profiles.map(
      (profile): Job => ({
        scope: profileScope(profile),
        api: 'sts:GetCallerIdentity',
        run: async (_signal, add) => {
          const scan = await openAccount(profile, settings, ctx, env);
          opened++;
          ctx.log.debug('account opened', { account: scan.account, regions: scan.regions.join(',') });
          for (const job of accountJobs(scan)) add(job);
        },
      }),
    ),
  );
  if (opened === 0) {
    throw new ProviderError('no-account', 'no AWS account could be scanned (see the errors above)', {
      provider: ctx.provider,
      scope: '*',
      api: 'sts:GetCallerIdentity',
    });
  }
}

/** Checks each profile's credentials: STS GetCallerIdentity. */
export function validateAws(
  config: CollectorConfig,
  ctx: CollectorContext,
  env: NodeJS.ProcessEnv,
): Promise<ValidationCheck[]> {
  const settings = awsSettings(config.config);
  const profiles = settings.profiles.length > 0 ? settings.profiles : [undefined];
  return Promise.all(
    profiles.map(async (profile): Promise<ValidationCheck> => {
      const scope = profileScope(profile);
      try {
        const { clients, homeRegion } = await openProfile(profile, settings, ctx, env);
        const identity = await ctx.tasks.run(() => identify(ctx, profile, clients, homeRegion));
        return { scope, ok: true, message: `account ${identity.account}, ${identity.arn}` };
      } catch (error) {
        const reason = error instanceof ProviderError ? `${error.code}: ${error.message}` : String(error);
        return { scope, ok: false, message: reason };
      }
    }),
  );
}
