/**
 * Resolving one profile into an account to scan: its config (region, endpoints), its clients,
 * its account id and ARN (STS GetCallerIdentity, which also proves the credentials work), and
 * its regions (`--region`, `--all-regions` through DescribeRegions, else the profile's region).
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ProviderError } from '../../core/errors.ts';
import type { CollectorContext } from '../../scanner/collector.ts';
import type { AccountScan } from './account-scan.ts';
import { AwsClients } from './clients.ts';
import { loadProfileConfig } from './profile-config.ts';
import type { AwsSettings } from './settings.ts';

/** How a profile is named in reports: `profile prod`, or `default credentials`. */
export function profileScope(profile: string | undefined): string {
  return profile ? `profile ${profile}` : 'default credentials';
}

/** The identity behind a profile. */
export interface Identity {
  readonly account: string;
  readonly arn: string;
}

/** The profile's clients and home region, before any call. */
export async function openProfile(
  profile: string | undefined,
  settings: AwsSettings,
  ctx: CollectorContext,
  env: NodeJS.ProcessEnv,
): Promise<{ clients: AwsClients; homeRegion: string }> {
  const config = await loadProfileConfig(profile ?? env.AWS_PROFILE ?? 'default', env);
  const homeRegion = settings.regions[0] ?? config.region;
  if (!homeRegion) {
    throw new ProviderError(
      'no-region',
      `${profileScope(profile)}: no region; pass --region, --all-regions or set one in the profile`,
      { provider: ctx.provider, scope: profileScope(profile), api: 'config' },
    );
  }
  return { clients: new AwsClients(profile, config, ctx.net.pool), homeRegion };
}

/** Who the credentials are: STS GetCallerIdentity. */
export function identify(
  ctx: CollectorContext,
  profile: string | undefined,
  clients: AwsClients,
  region: string,
): Promise<Identity> {
  const target = {
    account: profileScope(profile),
    region,
    service: 'sts',
    api: 'sts:GetCallerIdentity',
    scope: profileScope(profile),
  };
  return ctx.net
    .call(target, (abortSignal) =>
      clients.get('sts', region).send(new GetCallerIdentityCommand({}), { abortSignal }),
    )
    .then((out) => ({ account: out.Account ?? '', arn: out.Arn ?? '' }));
}

/** The regions to scan for one account. */
async function regionsOf(
  ctx: CollectorContext,
  settings: AwsSettings,
  account: string,
  clients: AwsClients,
  homeRegion: string,
): Promise<string[]> {
  if (!settings.allRegions) return settings.regions.length > 0 ? [...settings.regions] : [homeRegion];
  const target = { account, region: homeRegion, service: 'ec2', api: 'ec2:DescribeRegions' };
  const out = await ctx.net.call(target, (abortSignal) =>
    clients.get('ec2', homeRegion).send(new DescribeRegionsCommand({}), { abortSignal }),
  );
  return (out.Regions ?? [])
    .map((region) => region.RegionName ?? '')
    .filter(Boolean)
    .sort();
}

/** Everything the per-service jobs of one account need. */
export async function openAccount(
  profile: string | undefined,
  settings: AwsSettings,
  ctx: CollectorContext,
  env: NodeJS.ProcessEnv,
): Promise<AccountScan> {
  const { clients, homeRegion } = await openProfile(profile, settings, ctx, env);
  const { account } = await identify(ctx, profile, clients, homeRegion);
  const regions = await regionsOf(ctx, settings, account, clients, homeRegion);
  return {
    ctx,
    clients,
    account,
    profile,
    regions,
    homeRegion: regions[0] ?? homeRegion,
    observedAt: ctx.now(),
  };
}
