/** The query-protocol services: STS GetCallerIdentity, IAM lists with Marker, RDS DescribeDBInstances. */
import { randomUUID } from 'node:crypto';
import { type SimResponse, xml } from '../http/types.ts';
import type { Collection } from '../inventory/collection.ts';
import { decodeToken, encodeToken, pageOf } from '../util/paging.ts';
import { toXml } from '../util/xml.ts';
import { type AwsContext, type AwsService, awsCall, pageSize, queryParams } from './context.ts';
import { awsError, callerArn, queryNamespace } from './errors.ts';

function respond(ctx: AwsContext, action: string, result: string): SimResponse {
  const requestId = randomUUID();
  return xml(
    200,
    `<${action}Response xmlns="${queryNamespace(ctx.service)}">\n  <${action}Result>${result}</${action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`,
    { 'x-amzn-requestid': requestId },
  );
}

function invalidAction(ctx: AwsContext, action: string): SimResponse {
  return awsError(
    'query',
    ctx.service,
    400,
    'InvalidAction',
    `Could not find operation ${action} for version ${queryParams(ctx.request).get('Version') ?? ''}`,
  );
}

/** STS. */
export const sts: AwsService = (ctx) => {
  const action = queryParams(ctx.request).get('Action') ?? '';
  if (action !== 'GetCallerIdentity') return invalidAction(ctx, action);
  return awsCall(ctx, action, () =>
    respond(
      ctx,
      action,
      `<Arn>${callerArn(ctx.account)}</Arn><UserId>AIDASIMSCANNER${ctx.account.slice(0, 7)}</UserId><Account>${ctx.account}</Account>`,
    ),
  );
};

/** AWS managed policies that `ListPolicies` returns for Scope=AWS or All; not account resources. */
const AWS_MANAGED = [
  'AdministratorAccess',
  'AmazonEC2ReadOnlyAccess',
  'AmazonS3ReadOnlyAccess',
  'ReadOnlyAccess',
  'SecurityAudit',
];

function managedPolicy(name: string, index: number): Record<string, unknown> {
  return {
    PolicyName: name,
    PolicyId: `ANPAAWSMANAGED${String(index).padStart(7, '0')}`,
    Arn: `arn:aws:iam::aws:policy/${name}`,
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: '2015-02-06T18:39:46Z',
    UpdateDate: '2015-02-06T18:39:46Z',
  };
}

/** AWS managed policies as a collection, so they page with the local ones. */
const managedCollection: Collection = {
  kind: 'iam.awsManagedPolicy',
  type: 'aws_iam_policy',
  scope: { provider: 'aws', account: 'aws' },
  count: AWS_MANAGED.length,
  stream: 0,
  key: (i) => AWS_MANAGED[i] as string,
  uid: (i) => `arn:aws:iam::aws:policy/${AWS_MANAGED[i]}`,
  item: (i) => managedPolicy(AWS_MANAGED[i] as string, i),
};

const IAM_LISTS: Record<string, { kind: string; wrapper: string }> = {
  ListUsers: { kind: 'iam.user', wrapper: 'Users' },
  ListRoles: { kind: 'iam.role', wrapper: 'Roles' },
  ListPolicies: { kind: 'iam.policy', wrapper: 'Policies' },
};

function iamList(ctx: AwsContext, action: string, params: URLSearchParams): SimResponse {
  const spec = IAM_LISTS[action] as { kind: string; wrapper: string };
  const local = ctx.inventory.collections(spec.kind, { provider: 'aws', account: ctx.account });
  const scope = params.get('Scope') ?? 'All';
  if (action === 'ListPolicies' && !['All', 'AWS', 'Local'].includes(scope)) {
    return awsError(
      'query',
      'iam',
      400,
      'ValidationError',
      `1 validation error detected: Value '${scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]`,
    );
  }
  const collections =
    action !== 'ListPolicies' || scope === 'Local'
      ? local
      : scope === 'AWS'
        ? [managedCollection]
        : [managedCollection, ...local];
  const cap = ctx.knobs.pageCap({ provider: 'aws', service: 'iam', api: action }, 1000);
  const rawMax = params.get('MaxItems');
  const max = pageSize(rawMax, 1, 1000, 100);
  if (max === undefined) {
    return awsError(
      'query',
      'iam',
      400,
      'ValidationError',
      `1 validation error detected: Value '${rawMax}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  const listKey = `iam|${action}|${scope}|${ctx.account}`;
  const marker = params.get('Marker');
  const offset = marker ? decodeToken(listKey, marker) : 0;
  if (offset === undefined) return awsError('query', 'iam', 400, 'ValidationError', 'Invalid Marker.');
  const page = pageOf(collections, offset, Math.min(max, cap), (c, i) => c.item(i));
  const truncated = page.nextOffset !== undefined;
  const marks = truncated
    ? `<IsTruncated>true</IsTruncated><Marker>${encodeToken(listKey, page.nextOffset as number)}</Marker>`
    : '<IsTruncated>false</IsTruncated>';
  return respond(ctx, action, `${marks}${toXml(page.items, () => 'member', spec.wrapper)}`);
}

/** IAM. */
export const iam: AwsService = (ctx) => {
  const params = queryParams(ctx.request);
  const action = params.get('Action') ?? '';
  if (!IAM_LISTS[action]) return invalidAction(ctx, action);
  return awsCall(ctx, action, () => iamList(ctx, action, params), true);
};

const RDS_MEMBERS: Record<string, string> = {
  DBInstances: 'DBInstance',
  VpcSecurityGroups: 'VpcSecurityGroupMembership',
  TagList: 'Tag',
};

function describeDbInstances(ctx: AwsContext, params: URLSearchParams): SimResponse {
  const collections = ctx.inventory.collections('rds.dbInstance', {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
  });
  const rawMax = params.get('MaxRecords');
  const max = pageSize(rawMax, 20, 100, 100);
  if (max === undefined) {
    return awsError(
      'query',
      'rds',
      400,
      'InvalidParameterValue',
      `Invalid value ${rawMax} for MaxRecords. Must be between 20 and 100`,
    );
  }
  const cap = ctx.knobs.pageCap({ provider: 'aws', service: 'rds', api: 'DescribeDBInstances' }, 100);
  const listKey = `rds|${ctx.account}|${ctx.region}`;
  const marker = params.get('Marker');
  const offset = marker ? decodeToken(listKey, marker) : 0;
  if (offset === undefined)
    return awsError('query', 'rds', 400, 'InvalidParameterValue', 'The marker is not valid.');
  const page = pageOf(collections, offset, Math.min(max, cap), (c, i) => c.item(i));
  const next =
    page.nextOffset === undefined ? '' : `<Marker>${encodeToken(listKey, page.nextOffset)}</Marker>`;
  return respond(
    ctx,
    'DescribeDBInstances',
    `${toXml(page.items, (w) => RDS_MEMBERS[w] ?? 'member', 'DBInstances')}${next}`,
  );
}

/** RDS. */
export const rds: AwsService = (ctx) => {
  const params = queryParams(ctx.request);
  const action = params.get('Action') ?? '';
  if (action !== 'DescribeDBInstances') return invalidAction(ctx, action);
  return awsCall(ctx, action, () => describeDbInstances(ctx, params));
};
