/** The AWS shared config and credentials files: one profile per simulated account. */
import type { Layout } from '../layout.ts';
import type { AwsCredential } from './frontend.ts';

/**
 * The config file: per account a profile with region, the simulator's endpoint and path-style S3
 * for the CLI. A `[default]` section repeats the endpoint because SDK v3 resolves `endpoint_url`
 * from the profile named by AWS_PROFILE (else `default`), not from a client's `profile` option
 * (see sim/README.md); every profile shares the one endpoint, so this is exact.
 */
export function awsConfigFile(layout: Layout, endpoint: string): string {
  const defaults = `[default]\nregion = ${layout.awsRegions[0]}\nendpoint_url = ${endpoint}\n`;
  const profiles = layout.awsAccounts.map(
    (a) =>
      `[profile ${a.profile}]\nregion = ${layout.awsRegions[0]}\nendpoint_url = ${endpoint}\noutput = json\ns3 =\n    addressing_style = path\n`,
  );
  return [defaults, ...profiles].join('\n');
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
