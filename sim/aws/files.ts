/** The AWS shared config and credentials files: one profile per simulated account. */

import type { Layout } from '../layout.ts';
import type { AwsCredential } from './frontend.ts';

/** The config file: region, the simulator's endpoint, and path-style S3 for the CLI. */
export function awsConfigFile(layout: Layout, endpoint: string): string {
  return layout.awsAccounts
    .map(
      (a) =>
        `[profile ${a.profile}]\nregion = ${layout.awsRegions[0]}\nendpoint_url = ${endpoint}\noutput = json\ns3 =\n    addressing_style = path\n`,
    )
    .join('\n');
}

/** The credentials file. */
export function awsCredentialsFile(layout: Layout, credentials: readonly AwsCredential[]): string {
  return layout.awsAccounts
    .map((a) => {
      const c = credentials.find((x) => x.account === a.id) as AwsCredential;
      return `[${a.profile}]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\n`;
    })
    .join('\n');
}
