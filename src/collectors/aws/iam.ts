/**
 * IAM users, roles and customer-managed policies: global, listed once per account. Their uid is
 * the ARN the API returns (it carries the path, which wgo cannot rebuild).
 */
import { ListPoliciesCommand, ListRolesCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import type { AwsListKind } from './list-kind.ts';
import { awsResource } from './resource.ts';

export const IAM_KINDS: readonly AwsListKind<'iam'>[] = [
  {
    type: 'aws_iam_user',
    service: 'iam',
    api: 'iam:ListUsers',
    global: true,
    async page(client, Marker, abortSignal, { account, observedAt }) {
      const out = await client.send(new ListUsersCommand({ Marker, MaxItems: 1000 }), { abortSignal });
      return {
        resources: (out.Users ?? []).map((item) =>
          awsResource(
            { account, observedAt },
            {
              type: 'aws_iam_user',
              uid: item.Arn ?? '',
              id: item.UserName ?? '',
              name: item.UserName ?? '',
              item,
            },
          ),
        ),
        next: out.IsTruncated ? out.Marker : undefined,
      };
    },
  },
  {
    type: 'aws_iam_role',
    service: 'iam',
    api: 'iam:ListRoles',
    global: true,
    async page(client, Marker, abortSignal, { account, observedAt }) {
      const out = await client.send(new ListRolesCommand({ Marker, MaxItems: 1000 }), { abortSignal });
      return {
        resources: (out.Roles ?? []).map((item) =>
          awsResource(
            { account, observedAt },
            {
              type: 'aws_iam_role',
              uid: item.Arn ?? '',
              id: item.RoleName ?? '',
              name: item.RoleName ?? '',
              item,
            },
          ),
        ),
        next: out.IsTruncated ? out.Marker : undefined,
      };
    },
  },
  {
    type: 'aws_iam_policy',
    service: 'iam',
    api: 'iam:ListPolicies',
    global: true,
    async page(client, Marker, abortSignal, { account, observedAt }) {
      const out = await client.send(new ListPoliciesCommand({ Scope: 'Local', Marker, MaxItems: 1000 }), {
        abortSignal,
      });
      return {
        resources: (out.Policies ?? []).map((item) =>
          awsResource(
            { account, observedAt },
            {
              type: 'aws_iam_policy',
              uid: item.Arn ?? '',
              id: item.Arn ?? '',
              name: item.PolicyName ?? '',
              item,
            },
          ),
        ),
        next: out.IsTruncated ? out.Marker : undefined,
      };
    },
  },
];
