/**
 * Terraform's address syntax, written exactly as Terraform writes it (`terraform state list`):
 * `module.app.aws_instance.web[0]`, `aws_iam_user.u["alice"]`, `module.x["k"].aws_s3_bucket.b`.
 */

/** The key that tells the instances of one resource apart: a `count` index or a `for_each` key. */
export type InstanceKey = number | string;

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * A string as an HCL quoted string, as Terraform's `toHCLQuotedString` writes instance keys:
 * backslash escapes for `"`, `\`, newline, CR and tab; `${` and `%{` doubled so they are not
 * template sequences; `\uXXXX` / `\UXXXXXXXX` for anything not printable.
 */
export function hclQuoted(text: string): string {
  let out = '"';
  let i = 0;
  for (const char of text) {
    i += char.length;
    switch (char) {
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '$':
      case '%':
        out += text[i] === '{' ? char + char : char;
        break;
      default:
        if (PRINTABLE.test(char)) {
          out += char;
        } else {
          const code = char.codePointAt(0) as number;
          out +=
            code < 0x10000
              ? `\\u${code.toString(16).padStart(4, '0')}`
              : `\\U${code.toString(16).padStart(8, '0')}`;
        }
    }
  }
  return `${out}"`;
}

/** `[0]` for a count index, `["key"]` for a for_each key. */
export function instanceKeySuffix(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${hclQuoted(key)}]`;
}

/**
 * The address of a managed resource instance. `module` is the module instance path in
 * Terraform's syntax (`module.a.module.b["k"]`), empty at the root.
 */
export function instanceAddress(module: string, type: string, name: string, key?: InstanceKey): string {
  return `${module ? `${module}.` : ''}${type}.${name}${instanceKeySuffix(key)}`;
}

/**
 * The module path of a legacy (v3) state, `["root", "a", "b"]`, in today's syntax:
 * `module.a.module.b`. Modules had no count or for_each then, so there are no keys.
 */
export function legacyModuleAddress(path: readonly string[]): string {
  return path
    .slice(1)
    .map((name) => `module.${name}`)
    .join('.');
}
