/**
 * One Terraform state file's text to its managed resource instances, for state format version 4
 * (Terraform 0.12 and later, OpenTofu) and the legacy version 3 (Terraform 0.7 to 0.11). Pure:
 * no I/O, and nothing here is redacted yet (see `redact.ts`).
 */
import { StateFormatError } from '../../core/errors.ts';
import type { InstanceKey } from './address.ts';
import { isJsonObject } from './json-shape.ts';
import { parseStateJson } from './parse-json.ts';
import type { AttributePath } from './sensitive-paths.ts';
import { readV3Entries } from './state-v3.ts';
import { readV4Entries } from './state-v4.ts';

/**
 * One managed resource instance object in a state: the current object of an instance, or one
 * of its deposed objects. Data sources are not entries.
 */
export interface StateEntry {
  /** Terraform's address: `module.app.aws_instance.web[0]`, `aws_iam_user.u["alice"]`. */
  readonly address: string;
  /** The module instance path in Terraform's syntax (`module.a.module.b["k"]`); `''` at the root. */
  readonly module: string;
  readonly mode: 'managed';
  /** The resource type, `aws_instance`. */
  readonly type: string;
  /** The resource name in the configuration, `web`. */
  readonly name: string;
  /** The `count` index or `for_each` key; absent for a resource without either. */
  readonly indexKey?: InstanceKey;
  /** Marked for replacement at the next apply (`terraform taint`, a failed provisioner). */
  readonly tainted: boolean;
  /**
   * Set on a deposed object: the old object of a create-before-destroy replacement that was
   * not destroyed yet. It shares its address with the current object. (v3 had no keys; they are
   * numbered `00000001`, `00000002`... as Terraform's own upgrade to v4 numbers them.)
   */
  readonly deposedKey?: string;
  /**
   * The attributes in nested JSON form (flatmaps unflattened). NOT redacted: may hold secrets;
   * never log them, and pass them through `redactAttributes` before they go anywhere.
   */
  readonly attributes: Record<string, unknown>;
  /** The paths Terraform marked sensitive (v4, Terraform 0.15+); an empty path means all. */
  readonly sensitivePaths: readonly AttributePath[];
  /** The resource identity (Terraform 1.12+), e.g. `{account_id, region, id}` for AWS objects. */
  readonly identity?: Record<string, unknown>;
}

/** What a state file holds, as far as an inventory cares. */
export interface StateEntries {
  /** The state format version. */
  readonly version: 3 | 4;
  /** The version of Terraform (or OpenTofu) that wrote the state. */
  readonly terraformVersion?: string;
  /** Managed instance objects, in file order. */
  readonly entries: StateEntry[];
}

const SUPPORTED = 'wgo reads versions 3 (Terraform 0.7 to 0.11) and 4 (Terraform 0.12 and later, OpenTofu)';

/** What a JSON value is, for "not a state" messages. */
function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function readVersion(state: Record<string, unknown>): 3 | 4 {
  const version = state.version;
  if (version === undefined) {
    if ('format_version' in state) {
      throw new StateFormatError('not-a-state', 'this is `terraform show -json` output, not a state file');
    }
    throw new StateFormatError('not-a-state', 'a JSON object without "version": not a Terraform state');
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new StateFormatError('corrupt-state', '"version" is not an integer');
  }
  if (version !== 3 && version !== 4) {
    throw new StateFormatError('unsupported-state-version', `state format version ${version}: ${SUPPORTED}`);
  }
  return version;
}

/**
 * Reads the text of one state file.
 *
 * @throws StateFormatError `not-a-state` for an empty text or JSON that is not a state (such as
 *   `terraform show -json` output or the backend configuration in `.terraform/terraform.tfstate`),
 *   `corrupt-state` for invalid or truncated JSON and fields of the wrong shape,
 *   `unsupported-state-version` for format versions other than 3 and 4.
 */
export function readStateEntries(text: string): StateEntries {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new StateFormatError('not-a-state', 'the file is empty');
  const state = parseStateJson(body);
  if (!isJsonObject(state)) {
    throw new StateFormatError(
      'not-a-state',
      `the JSON value is ${describeJsonKind(state)}, not a state object`,
    );
  }
  const version = readVersion(state);
  if (isJsonObject(state.backend)) {
    throw new StateFormatError(
      'not-a-state',
      "this is Terraform's backend configuration (.terraform/terraform.tfstate), not a state",
    );
  }
  const terraformVersion = typeof state.terraform_version === 'string' ? state.terraform_version : undefined;
  const entries = version === 4 ? readV4Entries(state) : readV3Entries(state);
  return terraformVersion === undefined ? { version, entries } : { version, terraformVersion, entries };
}
