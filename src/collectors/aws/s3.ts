/**
 * S3 buckets with their policy, lifecycle, tags, versioning and encryption. Buckets are listed
 * once per account; each bucket's detail calls are separate jobs in the provider's pool, and the
 * bucket is emitted when the last of them answers. A missing configuration is normal (the
 * "NoSuch..." answers), not an error. Buckets of regions outside the scan are left out.
 */
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  ListBucketsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ApiCallError } from '../../core/errors.ts';
import { s3BucketArn } from '../../core/uid.ts';
import { followPages } from '../../net/pages.ts';
import { asProviderError, type Job } from '../../scanner/run-jobs.ts';
import { type AccountScan, callAws } from './account-scan.ts';
import { awsResource, tagMap } from './resource.ts';

export const S3_TYPE = 'aws_s3_bucket';

/** One detail of a bucket: its API and how to read it into the configuration. */
interface Detail {
  readonly api: string;
  readonly key: string;
  read(client: S3Client, Bucket: string, abortSignal: AbortSignal): Promise<unknown>;
}

const DETAILS: readonly Detail[] = [
  {
    api: 's3:GetBucketTagging',
    key: 'tags',
    read: async (client, Bucket, abortSignal) =>
      tagMap((await client.send(new GetBucketTaggingCommand({ Bucket }), { abortSignal })).TagSet),
  },
  {
    api: 's3:GetBucketPolicy',
    key: 'policy',
    read: async (client, Bucket, abortSignal) => {
      const policy = (await client.send(new GetBucketPolicyCommand({ Bucket }), { abortSignal })).Policy;
      return policy ? JSON.parse(policy) : null;
    },
  },
  {
    api: 's3:GetBucketLifecycleConfiguration',
    key: 'lifecycleRules',
    read: async (client, Bucket, abortSignal) =>
      (await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket }), { abortSignal })).Rules ??
      [],
  },
  {
    api: 's3:GetBucketVersioning',
    key: 'versioning',
    read: async (client, Bucket, abortSignal) => {
      const out = await client.send(new GetBucketVersioningCommand({ Bucket }), { abortSignal });
      return { status: out.Status ?? 'Disabled', mfaDelete: out.MFADelete ?? 'Disabled' };
    },
  },
  {
    api: 's3:GetBucketEncryption',
    key: 'encryption',
    read: async (client, Bucket, abortSignal) =>
      (await client.send(new GetBucketEncryptionCommand({ Bucket }), { abortSignal }))
        .ServerSideEncryptionConfiguration ?? null,
  },
];

/** `GetBucketLocation` answers null for us-east-1 and the legacy `EU` for eu-west-1. */
export function bucketRegion(locationConstraint: string | undefined | null): string {
  if (!locationConstraint) return 'us-east-1';
  return locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint;
}

interface Listed {
  readonly name: string;
  readonly creationDate: Date | undefined;
}

/** Collects one bucket's details and emits the bucket when the last arrives. */
function detailJobs(scan: AccountScan, bucket: Listed, region: string): Job[] {
  const configuration: Record<string, unknown> = {
    name: bucket.name,
    creationDate: bucket.creationDate,
    region,
  };
  let remaining = DETAILS.length;
  const scope = `${scan.account}/${bucket.name}`;
  const finish = () => {
    if (--remaining > 0) return;
    const { tags, ...rest } = configuration;
    scan.ctx.emit([
      awsResource(
        { account: scan.account, region, observedAt: scan.observedAt },
        {
          type: S3_TYPE,
          uid: s3BucketArn(bucket.name),
          id: bucket.name,
          name: bucket.name,
          tags: (tags as Record<string, string> | undefined) ?? {},
          item: rest,
        },
      ),
    ]);
  };
  return DETAILS.map((detail) => ({
    scope,
    api: detail.api,
    async run() {
      try {
        configuration[detail.key] = await callAws(
          scan,
          { region, service: 's3', api: detail.api, scope },
          (signal) => detail.read(scan.clients.get('s3', region), bucket.name, signal),
        );
      } catch (error) {
        if (scan.ctx.signal.aborted) throw error;
        if (error instanceof ApiCallError && error.kind === 'not-found') configuration[detail.key] = null;
        else {
          scan.ctx.reportError(
            asProviderError(error, { provider: scan.ctx.provider, scope, api: detail.api }),
          );
        }
      }
      finish();
    },
  }));
}

/** The job that lists the account's buckets and adds each bucket's jobs. */
export function s3Job(scan: AccountScan): Job {
  const scope = `${scan.account}/global`;
  const inScope = new Set(scan.regions);
  const home = scan.homeRegion;
  return {
    scope,
    api: 's3:ListBuckets',
    run: async (_signal, add) => {
      await followPages({
        fetch: (ContinuationToken) =>
          callAws(scan, { region: home, service: 's3', api: 's3:ListBuckets', scope }, (abortSignal) =>
            scan.clients
              .get('s3', home)
              .send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken }), { abortSignal }),
          ),
        next: (page) => page.ContinuationToken,
        onPage: (page) => {
          for (const listed of page.Buckets ?? []) {
            const bucket = { name: listed.Name ?? '', creationDate: listed.CreationDate };
            const addDetails = (region: string) => {
              if (inScope.has(region)) for (const job of detailJobs(scan, bucket, region)) add(job);
            };
            if (listed.BucketRegion) addDetails(listed.BucketRegion);
            else add(locationJob(scan, bucket, addDetails));
          }
        },
      });
    },
  };
}

function locationJob(scan: AccountScan, bucket: Listed, then: (region: string) => void): Job {
  const scope = `${scan.account}/${bucket.name}`;
  return {
    scope,
    api: 's3:GetBucketLocation',
    run: async () => {
      const out = await callAws(
        scan,
        { region: scan.homeRegion, service: 's3', api: 's3:GetBucketLocation', scope },
        (abortSignal) =>
          scan.clients
            .get('s3', scan.homeRegion)
            .send(new GetBucketLocationCommand({ Bucket: bucket.name }), { abortSignal }),
      );
      then(bucketRegion(out.LocationConstraint));
    },
  };
}
