/**
 * EC2 and VPC objects: one entry per list API, each a page chain of its own (CONTRACT.md
 * section 1 for types, uids and names). Page sizes are each API's maximum, to spend as few
 * calls as the API allows.
 */
import {
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import type { Resource } from '../../core/resource.ts';
import { ebsSnapshotArn, ec2Arn } from '../../core/uid.ts';
import type { AwsListKind } from './list-kind.ts';
import { type AwsScope, type AwsTags, awsResource, nameTagOr, tagMap } from './resource.ts';

interface Tagged {
  Tags?: AwsTags;
}

/** The usual EC2 object: Name tag or id as its name. */
function tagged(
  scope: AwsScope,
  type: string,
  uid: string,
  id: string,
  item: Tagged,
  zone?: string,
): Resource {
  const tags = tagMap(item.Tags);
  return awsResource(scope, { type, uid, id, name: nameTagOr(tags, id), zone, tags, item });
}

export const EC2_KINDS: readonly AwsListKind<'ec2'>[] = [
  {
    type: 'aws_instance',
    service: 'ec2',
    api: 'ec2:DescribeInstances',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken }), {
        abortSignal,
      });
      const instances = (out.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);
      return {
        resources: instances.map((item) => {
          const id = item.InstanceId ?? '';
          const uid = ec2Arn(scope.region, scope.account, 'instance', id);
          return tagged(scope, 'aws_instance', uid, id, item, item.Placement?.AvailabilityZone);
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_ebs_volume',
    service: 'ec2',
    api: 'ec2:DescribeVolumes',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.Volumes ?? []).map((item) => {
          const id = item.VolumeId ?? '';
          const uid = ec2Arn(scope.region, scope.account, 'volume', id);
          return tagged(scope, 'aws_ebs_volume', uid, id, item, item.AvailabilityZone);
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_ebs_snapshot',
    service: 'ec2',
    api: 'ec2:DescribeSnapshots',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(
        new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 1000, NextToken }),
        {
          abortSignal,
        },
      );
      return {
        resources: (out.Snapshots ?? []).map((item) => {
          const id = item.SnapshotId ?? '';
          return tagged(scope, 'aws_ebs_snapshot', ebsSnapshotArn(scope.region, id), id, item);
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_security_group',
    service: 'ec2',
    api: 'ec2:DescribeSecurityGroups',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.SecurityGroups ?? []).map((item) => {
          const id = item.GroupId ?? '';
          return awsResource(scope, {
            type: 'aws_security_group',
            uid: ec2Arn(scope.region, scope.account, 'security-group', id),
            id,
            name: item.GroupName ?? id,
            tags: tagMap(item.Tags),
            item,
          });
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_key_pair',
    service: 'ec2',
    api: 'ec2:DescribeKeyPairs',
    async page(client, _token, abortSignal, scope) {
      const out = await client.send(new DescribeKeyPairsCommand({}), { abortSignal });
      return {
        resources: (out.KeyPairs ?? []).map((item) => {
          const name = item.KeyName ?? '';
          return awsResource(scope, {
            type: 'aws_key_pair',
            uid: ec2Arn(scope.region, scope.account, 'key-pair', name),
            id: name,
            name,
            tags: tagMap(item.Tags),
            item,
          });
        }),
        next: undefined,
      };
    },
  },
  {
    type: 'aws_vpc',
    service: 'ec2',
    api: 'ec2:DescribeVpcs',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeVpcsCommand({ MaxResults: 1000, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.Vpcs ?? []).map((item) => {
          const id = item.VpcId ?? '';
          return tagged(scope, 'aws_vpc', ec2Arn(scope.region, scope.account, 'vpc', id), id, item);
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_subnet',
    service: 'ec2',
    api: 'ec2:DescribeSubnets',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeSubnetsCommand({ MaxResults: 1000, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.Subnets ?? []).map((item) => {
          const id = item.SubnetId ?? '';
          const uid = ec2Arn(scope.region, scope.account, 'subnet', id);
          return tagged(scope, 'aws_subnet', uid, id, item, item.AvailabilityZone);
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_route_table',
    service: 'ec2',
    api: 'ec2:DescribeRouteTables',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeRouteTablesCommand({ MaxResults: 100, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.RouteTables ?? []).map((item) => {
          const id = item.RouteTableId ?? '';
          return tagged(
            scope,
            'aws_route_table',
            ec2Arn(scope.region, scope.account, 'route-table', id),
            id,
            item,
          );
        }),
        next: out.NextToken,
      };
    },
  },
  {
    type: 'aws_internet_gateway',
    service: 'ec2',
    api: 'ec2:DescribeInternetGateways',
    async page(client, NextToken, abortSignal, scope) {
      const out = await client.send(new DescribeInternetGatewaysCommand({ MaxResults: 1000, NextToken }), {
        abortSignal,
      });
      return {
        resources: (out.InternetGateways ?? []).map((item) => {
          const id = item.InternetGatewayId ?? '';
          const uid = ec2Arn(scope.region, scope.account, 'internet-gateway', id);
          return tagged(scope, 'aws_internet_gateway', uid, id, item);
        }),
        next: out.NextToken,
      };
    },
  },
];
