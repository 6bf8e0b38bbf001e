/**
 * Lambda functions. Environment variables keep their names; their values are redacted
 * (CONTRACT.md section 4), whatever they are called.
 */
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { keysOnly } from '../../core/redact.ts';
import type { AwsListKind } from './list-kind.ts';
import { awsResource } from './resource.ts';

export const LAMBDA_KINDS: readonly AwsListKind<'lambda'>[] = [
  {
    type: 'aws_lambda_function',
    service: 'lambda',
    api: 'lambda:ListFunctions',
    async page(client, Marker, abortSignal, scope) {
      const out = await client.send(new ListFunctionsCommand({ Marker, MaxItems: 50 }), { abortSignal });
      return {
        resources: (out.Functions ?? []).map((item) => {
          const name = item.FunctionName ?? '';
          const environment = item.Environment && {
            ...item.Environment,
            Variables: keysOnly(item.Environment.Variables ?? {}),
          };
          return awsResource(scope, {
            type: 'aws_lambda_function',
            uid: item.FunctionArn ?? '',
            id: name,
            name,
            item: { ...item, Environment: environment },
          });
        }),
        next: out.NextMarker,
      };
    },
  },
];
