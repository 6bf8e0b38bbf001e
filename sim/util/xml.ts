/** Minimal XML writing for the AWS protocols: escaping and object serialisation. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
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
  if (Array.isArray(value)) {
    const child = itemName(name ?? '');
    const inner = value.map((v) => toXml(v, itemName, child)).join('');
    return name === undefined ? inner : `<${name}>${inner}</${name}>`;
  }
  if (typeof value === 'object') {
    let inner = '';
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) inner += toXml(v, itemName, k);
    return name === undefined ? inner : `<${name}>${inner}</${name}>`;
  }
  const text = escapeXml(String(value));
  return name === undefined ? text : `<${name}>${text}</${name}>`;
}
