/**
 * S3 (REST-XML, path-style: the endpoint is an IP address, so clients put the bucket in the path).
 * ListBuckets pages with max-buckets/continuation-token; the bucket sub-resources answer with the
 * real "no such configuration" errors when a bucket has none.
 */
import { randomUUID } from 'node:crypto';
import { type SimResponse, xml } from '../http/types.ts';
import type { Collection } from '../inventory/collection.ts';
import { decodeToken, encodeToken, pageOf } from '../util/paging.ts';
import { escapeXml, XML_DECLARATION } from '../util/xml.ts';
import { type AwsContext, type AwsService, awsCall, pageSize } from './context.ts';
import { awsError } from './errors.ts';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** The S3 view of a generated bucket. */
interface Bucket {
  Name: string;
  CreationDate: string;
  Region: string;
  Tags?: Record<string, string>;
  Versioning?: string;
  Encrypted: boolean;
  Lifecycle?: { days: number };
  Policy?: string;
}

function ok(body: string, contentType = 'application/xml'): SimResponse {
  const id = randomUUID().slice(0, 16).toUpperCase();
  return xml(200, body, { 'content-type': contentType, 'x-amz-request-id': id });
}

function canonicalOwner(account: string): string {
  return Buffer.from(`sim-owner-${account}`).toString('hex').padEnd(64, '0').slice(0, 64);
}

function listBuckets(ctx: AwsContext, buckets: readonly Collection[]): SimResponse {
  const q = ctx.request.query;
  const listKey = `s3|${ctx.account}`;
  const rawMax = q.get('max-buckets');
  const max = pageSize(rawMax, 1, 10_000, 10_000);
  if (max === undefined) {
    return awsError(
      's3',
      's3',
      400,
      'InvalidArgument',
      'Argument max-buckets must be an integer between 1 and 10000',
      { ArgumentName: 'max-buckets', ArgumentValue: String(rawMax) },
    );
  }
  const token = q.get('continuation-token');
  const offset = token ? decodeToken(listKey, token) : 0;
  if (offset === undefined)
    return awsError('s3', 's3', 400, 'InvalidArgument', 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  const prefix = q.get('prefix') ?? '';
  const region = q.get('bucket-region');
  const page = pageOf(buckets, offset, max, (c, i) => c.item(i) as unknown as Bucket);
  const rows = page.items
    .filter((b) => b.Name.startsWith(prefix) && (region === null || b.Region === region))
    .map(
      (b) =>
        `<Bucket><Name>${b.Name}</Name><CreationDate>${b.CreationDate.replace('Z', '.000Z')}</CreationDate><BucketRegion>${b.Region}</BucketRegion></Bucket>`,
    )
    .join('');
  const next =
    page.nextOffset === undefined
      ? ''
      : `<ContinuationToken>${encodeToken(listKey, page.nextOffset)}</ContinuationToken>`;
  const prefixXml = q.has('prefix') ? `<Prefix>${escapeXml(prefix)}</Prefix>` : '';
  return ok(
    `${XML_DECLARATION}<ListAllMyBucketsResult xmlns="${NS}"><Owner><ID>${canonicalOwner(ctx.account)}</ID><DisplayName>sim-${ctx.account}</DisplayName></Owner><Buckets>${rows}</Buckets>${next}${prefixXml}</ListAllMyBucketsResult>`,
  );
}

/** Finds a bucket by name with a binary search: bucket names sort by index within an account. */
function findBucket(ctx: AwsContext, name: string): { owner: string; bucket: Bucket } | undefined {
  const owner = name.slice(name.lastIndexOf('-') + 1);
  const [collection] = ctx.inventory.collections('s3.bucket', { provider: 'aws', account: owner });
  if (!collection) return undefined;
  let lo = 0;
  let hi = collection.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = collection.key(mid);
    if (key === name) return { owner, bucket: collection.item(mid) as unknown as Bucket };
    if (key < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

const SUBRESOURCES: Record<string, string> = {
  location: 'GetBucketLocation',
  tagging: 'GetBucketTagging',
  policy: 'GetBucketPolicy',
  lifecycle: 'GetBucketLifecycleConfiguration',
  versioning: 'GetBucketVersioning',
  encryption: 'GetBucketEncryption',
};

function notFound(code: string, message: string, name: string): SimResponse {
  return awsError('s3', 's3', 404, code, message, { BucketName: name });
}

function bucketDetail(ctx: AwsContext, api: string, name: string): SimResponse {
  const found = findBucket(ctx, name);
  if (!found) return notFound('NoSuchBucket', 'The specified bucket does not exist', name);
  if (found.owner !== ctx.account) return awsError('s3', 's3', 403, 'AccessDenied', 'Access Denied');
  const { bucket } = found;
  if (api === 'GetBucketLocation') {
    const constraint = bucket.Region === 'us-east-1' ? '' : bucket.Region;
    return ok(`${XML_DECLARATION}<LocationConstraint xmlns="${NS}">${constraint}</LocationConstraint>`);
  }
  if (bucket.Region !== ctx.region) {
    // The signing region names the regional endpoint the client thinks it talks to.
    return awsError(
      's3',
      's3',
      301,
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      { Endpoint: `s3.${bucket.Region}.amazonaws.com`, Bucket: name },
      { 'x-amz-bucket-region': bucket.Region },
    );
  }
  switch (api) {
    case 'GetBucketTagging':
      if (!bucket.Tags) return notFound('NoSuchTagSet', 'The TagSet does not exist', name);
      return ok(
        `${XML_DECLARATION}<Tagging xmlns="${NS}"><TagSet>${Object.entries(bucket.Tags)
          .map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`)
          .join('')}</TagSet></Tagging>`,
      );
    case 'GetBucketPolicy':
      if (!bucket.Policy) return notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', name);
      return ok(bucket.Policy, 'application/json');
    case 'GetBucketLifecycleConfiguration':
      if (!bucket.Lifecycle)
        return notFound('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', name);
      return ok(
        `${XML_DECLARATION}<LifecycleConfiguration xmlns="${NS}"><Rule><ID>expire-logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>${bucket.Lifecycle.days}</Days></Expiration></Rule></LifecycleConfiguration>`,
      );
    case 'GetBucketVersioning':
      return ok(
        bucket.Versioning
          ? `${XML_DECLARATION}<VersioningConfiguration xmlns="${NS}"><Status>${bucket.Versioning}</Status></VersioningConfiguration>`
          : `${XML_DECLARATION}<VersioningConfiguration xmlns="${NS}"/>`,
      );
    default:
      if (!bucket.Encrypted) {
        return notFound(
          'ServerSideEncryptionConfigurationNotFoundError',
          'The server side encryption configuration was not found',
          name,
        );
      }
      return ok(
        `${XML_DECLARATION}<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
      );
  }
}

function notImplemented(): SimResponse {
  return awsError(
    's3',
    's3',
    501,
    'NotImplemented',
    'A header you provided implies functionality that is not implemented',
  );
}

/** S3. */
export const s3: AwsService = (ctx) => {
  const { request } = ctx;
  const [, name = '', ...rest] = request.path.split('/');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return notImplemented();
  }
  if (name === '') {
    const buckets = ctx.inventory.collections('s3.bucket', { provider: 'aws', account: ctx.account });
    return awsCall(ctx, 'ListBuckets', () => listBuckets(ctx, buckets), true);
  }
  const sub = Object.keys(SUBRESOURCES).find((k) => request.query.has(k));
  if (rest.some((p) => p !== '') || sub === undefined) {
    return notImplemented();
  }
  const api = SUBRESOURCES[sub] as string;
  return awsCall(ctx, api, () => bucketDetail(ctx, api, name));
};
