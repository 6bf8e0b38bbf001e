/** Minimal XML writing for the AWS protocols: escaping and object serialisation. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const SPECIAL = /[&<>"']/;

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

/** The XML declaration every AWS XML body starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Serialises a plain object as nested elements. Arrays become a wrapper element holding one
 * element per entry, named by `itemName(wrapperName)` (`item` for EC2, `member` for IAM, the
 * singular for RDS). `undefined` members are left out, as the services omit absent fields.
 */
export function toXml(value: unknown, itemName: (wrapper: string) => string, name?: string): string {
  if (value === undefined || value === null) return '';
  let inner: string;
  if (Array.isArray(value)) {
    const child = itemName(name ?? '');
    inner = '';
    for (const entry of value) inner += toXml(entry, itemName, child);
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    inner = '';
    for (const key in record) inner += toXml(record[key], itemName, key);
  } else {
    inner = typeof value === 'string' ? escapeXml(value) : String(value);
  }
  return name === undefined ? inner : `<${name}>${inner}</${name}>`;
}
