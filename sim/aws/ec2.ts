/** EC2 (query protocol with EC2's own XML): the Describe* calls of the inventory, paged. */
import { randomUUID } from 'node:crypto';
import { type SimResponse, xml } from '../http/types.ts';
import type { Collection } from '../inventory/collection.ts';
import { decodeToken, encodeToken, pageOf } from '../util/paging.ts';
import { toXml, XML_DECLARATION } from '../util/xml.ts';
import { type AwsContext, type AwsService, awsCall, pageSize, queryParams } from './context.ts';
import { awsError } from './errors.ts';

const NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

interface Describe {
  readonly kind: string;
  readonly wrapper: string;
  /** MaxResults bounds; undefined when the API is not paged. */
  readonly range?: readonly [number, number];
  readonly render?: (item: Record<string, unknown>, account: string) => Record<string, unknown>;
}

const DESCRIBES: Record<string, Describe> = {
  DescribeInstances: {
    kind: 'ec2.instance',
    wrapper: 'reservationSet',
    range: [5, 1000],
    render: (instance, account) => ({
      reservationId: `r-${String(instance.instanceId).slice(2)}`,
      ownerId: account,
      groupSet: [],
      instancesSet: [instance],
    }),
  },
  DescribeVolumes: { kind: 'ec2.volume', wrapper: 'volumeSet', range: [5, 500] },
  DescribeSnapshots: { kind: 'ec2.snapshot', wrapper: 'snapshotSet', range: [5, 1000] },
  DescribeSecurityGroups: { kind: 'ec2.securityGroup', wrapper: 'securityGroupInfo', range: [5, 1000] },
  DescribeKeyPairs: { kind: 'ec2.keyPair', wrapper: 'keySet' },
  DescribeVpcs: { kind: 'ec2.vpc', wrapper: 'vpcSet', range: [5, 1000] },
  DescribeSubnets: { kind: 'ec2.subnet', wrapper: 'subnetSet', range: [5, 1000] },
  DescribeRouteTables: { kind: 'ec2.routeTable', wrapper: 'routeTableSet', range: [5, 100] },
  DescribeInternetGateways: { kind: 'ec2.internetGateway', wrapper: 'internetGatewaySet', range: [5, 1000] },
};

const item = () => 'item';

function respond(action: string, inner: string): SimResponse {
  return xml(
    200,
    `${XML_DECLARATION}<${action}Response xmlns="${NAMESPACE}"><requestId>${randomUUID()}</requestId>${inner}</${action}Response>`,
  );
}

function describe(ctx: AwsContext, action: string, spec: Describe, params: URLSearchParams): SimResponse {
  const collections: readonly Collection[] = ctx.inventory.collections(spec.kind, {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
  });
  const site = { provider: 'aws' as const, service: 'ec2', api: action };
  const listKey = `ec2|${action}|${ctx.account}|${ctx.region}`;
  let offset = 0;
  let limit = Number.MAX_SAFE_INTEGER;
  if (spec.range) {
    const [min, max] = spec.range;
    const cap = ctx.knobs.pageCap(site, max);
    const size = pageSize(params.get('MaxResults'), min, max, cap);
    if (size === undefined) {
      const message = `Value ( ${params.get('MaxResults')} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`;
      return awsError('ec2', 'ec2', 400, 'InvalidParameterValue', message);
    }
    limit = Math.min(size, cap);
    const token = params.get('NextToken');
    if (token) {
      const decoded = decodeToken(listKey, token);
      if (decoded === undefined)
        return awsError('ec2', 'ec2', 400, 'InvalidParameterValue', `Invalid value '${token}' for nextToken`);
      offset = decoded;
    }
  }
  const page = pageOf(collections, offset, limit, (c, i) => {
    const object = c.item(i);
    return spec.render ? spec.render(object, ctx.account) : object;
  });
  const next =
    page.nextOffset === undefined ? '' : `<nextToken>${encodeToken(listKey, page.nextOffset)}</nextToken>`;
  return respond(action, `${toXml(page.items, item, spec.wrapper)}${next}`);
}

function describeRegions(ctx: AwsContext): SimResponse {
  const regions = ctx.inventory.layout.awsRegions.map((regionName) => ({
    regionName,
    regionEndpoint: `ec2.${regionName}.amazonaws.com`,
    optInStatus: 'opt-in-not-required',
  }));
  return respond('DescribeRegions', toXml(regions, item, 'regionInfo'));
}

/** The EC2 service. */
export const ec2: AwsService = (ctx) => {
  const params = queryParams(ctx.request);
  const action = params.get('Action') ?? '';
  if (action === 'DescribeRegions') return awsCall(ctx, action, () => describeRegions(ctx));
  const spec = DESCRIBES[action];
  if (!spec)
    return awsError(
      'ec2',
      'ec2',
      400,
      'InvalidAction',
      `The action ${action} is not valid for this web service.`,
    );
  return awsCall(ctx, action, () => describe(ctx, action, spec, params));
};
