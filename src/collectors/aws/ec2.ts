/**
 * EC2 and VPC objects: one list API each, each a page chain of its own (CONTRACT.md section 1
 * for types, uids and names). Page sizes are each API's maximum, to spend as few calls as the
 * API allows.
 */
import {
  DescribeInstancesCommand,
  type DescribeInstancesCommandOutput,
  DescribeInternetGatewaysCommand,
  type DescribeInternetGatewaysCommandOutput,
  DescribeKeyPairsCommand,
  type DescribeKeyPairsCommandOutput,
  DescribeRouteTablesCommand,
  type DescribeRouteTablesCommandOutput,
  DescribeSecurityGroupsCommand,
  type DescribeSecurityGroupsCommandOutput,
  DescribeSnapshotsCommand,
  type DescribeSnapshotsCommandOutput,
  DescribeSubnetsCommand,
  type DescribeSubnetsCommandOutput,
  DescribeVolumesCommand,
  type DescribeVolumesCommandOutput,
  DescribeVpcsCommand,
  type DescribeVpcsCommandOutput,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { Resource } from '../../core/resource.ts';
import { type Ec2ArnType, ebsSnapshotArn, ec2Arn } from '../../core/uid.ts';
import { type AwsListKind, listKind, type PageScope } from './list-kind.ts';
import { type AwsTags, awsResource, nameTagOr, tagMap } from './resource.ts';

/** The usual EC2 object: an account ARN, and the Name tag or its id as its name. */
function tagged(
  scope: PageScope,
  type: string,
  arnType: Ec2ArnType,
  id: string | undefined,
  item: { Tags?: AwsTags },
  zone?: string,
): Resource {
  const tags = tagMap(item.Tags);
  const key = id ?? '';
  return awsResource(scope, {
    type,
    uid: ec2Arn(scope.region, scope.account, arnType, key),
    id: key,
    name: nameTagOr(tags, key),
    zone,
    tags,
    item,
  });
}

const ec2 = { service: 'ec2' } as const;

export const EC2_KINDS: readonly AwsListKind[] = [
  listKind({
    ...ec2,
    type: 'aws_instance',
    api: 'ec2:DescribeInstances',
    command: (NextToken) => new DescribeInstancesCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeInstancesCommandOutput): Instance[] =>
      (out.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []),
    next: (out) => out.NextToken,
    resource: (item, scope) =>
      tagged(scope, 'aws_instance', 'instance', item.InstanceId, item, item.Placement?.AvailabilityZone),
  }),
  listKind({
    ...ec2,
    type: 'aws_ebs_volume',
    api: 'ec2:DescribeVolumes',
    command: (NextToken) => new DescribeVolumesCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeVolumesCommandOutput) => out.Volumes,
    next: (out) => out.NextToken,
    resource: (item, scope) =>
      tagged(scope, 'aws_ebs_volume', 'volume', item.VolumeId, item, item.AvailabilityZone),
  }),
  listKind({
    ...ec2,
    type: 'aws_ebs_snapshot',
    api: 'ec2:DescribeSnapshots',
    command: (NextToken) => new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 500, NextToken }),
    items: (out: DescribeSnapshotsCommandOutput) => out.Snapshots,
    next: (out) => out.NextToken,
    resource: (item, scope) => {
      const id = item.SnapshotId ?? '';
      const tags = tagMap(item.Tags);
      const uid = ebsSnapshotArn(scope.region, id);
      return awsResource(scope, { type: 'aws_ebs_snapshot', uid, id, name: nameTagOr(tags, id), tags, item });
    },
  }),
  listKind({
    ...ec2,
    type: 'aws_security_group',
    api: 'ec2:DescribeSecurityGroups',
    command: (NextToken) => new DescribeSecurityGroupsCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeSecurityGroupsCommandOutput) => out.SecurityGroups,
    next: (out) => out.NextToken,
    resource: (item, scope) => {
      const id = item.GroupId ?? '';
      const uid = ec2Arn(scope.region, scope.account, 'security-group', id);
      const tags = tagMap(item.Tags);
      return awsResource(scope, {
        type: 'aws_security_group',
        uid,
        id,
        name: item.GroupName ?? id,
        tags,
        item,
      });
    },
  }),
  listKind({
    ...ec2,
    type: 'aws_key_pair',
    api: 'ec2:DescribeKeyPairs',
    command: () => new DescribeKeyPairsCommand({}),
    items: (out: DescribeKeyPairsCommandOutput) => out.KeyPairs,
    next: () => undefined,
    resource: (item, scope) => {
      const name = item.KeyName ?? '';
      const uid = ec2Arn(scope.region, scope.account, 'key-pair', name);
      return awsResource(scope, { type: 'aws_key_pair', uid, id: name, name, tags: tagMap(item.Tags), item });
    },
  }),
  listKind({
    ...ec2,
    type: 'aws_vpc',
    api: 'ec2:DescribeVpcs',
    command: (NextToken) => new DescribeVpcsCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeVpcsCommandOutput) => out.Vpcs,
    next: (out) => out.NextToken,
    resource: (item, scope) => tagged(scope, 'aws_vpc', 'vpc', item.VpcId, item),
  }),
  listKind({
    ...ec2,
    type: 'aws_subnet',
    api: 'ec2:DescribeSubnets',
    command: (NextToken) => new DescribeSubnetsCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeSubnetsCommandOutput) => out.Subnets,
    next: (out) => out.NextToken,
    resource: (item, scope) =>
      tagged(scope, 'aws_subnet', 'subnet', item.SubnetId, item, item.AvailabilityZone),
  }),
  listKind({
    ...ec2,
    type: 'aws_route_table',
    api: 'ec2:DescribeRouteTables',
    command: (NextToken) => new DescribeRouteTablesCommand({ MaxResults: 100, NextToken }),
    items: (out: DescribeRouteTablesCommandOutput) => out.RouteTables,
    next: (out) => out.NextToken,
    resource: (item, scope) => tagged(scope, 'aws_route_table', 'route-table', item.RouteTableId, item),
  }),
  listKind({
    ...ec2,
    type: 'aws_internet_gateway',
    api: 'ec2:DescribeInternetGateways',
    command: (NextToken) => new DescribeInternetGatewaysCommand({ MaxResults: 500, NextToken }),
    items: (out: DescribeInternetGatewaysCommandOutput) => out.InternetGateways,
    next: (out) => out.NextToken,
    resource: (item, scope) =>
      tagged(scope, 'aws_internet_gateway', 'internet-gateway', item.InternetGatewayId, item),
  }),
];
