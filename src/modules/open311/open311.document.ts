/*
 * One tree renders both formats, so XML and JSON can never drift apart. The JSON side follows the
 * Spark convention the spec prescribes (wiki.open311.org/JSON_and_XML_Conversion): a container of
 * repeated elements becomes an array (even with one child), the root's name is dropped, and an empty
 * element is null.
 */

export type Scalar = string | number | boolean | null;

export type Node =
  | { kind: 'list'; name: string; items: Node[] }
  | { kind: 'object'; name: string; fields: Node[] }
  | { kind: 'value'; name: string; value: Scalar };

export const list = (name: string, items: Node[]): Node => ({ kind: 'list', name, items });
export const object = (name: string, fields: Node[]): Node => ({ kind: 'object', name, fields });
export const value = (name: string, v: Scalar | undefined): Node => ({ kind: 'value', name, value: v ?? null });

// XML 1.0 cannot carry these even as character references; a replacement character keeps the length visible.
const NOT_XML = '[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]';
const NOT_XML_CHAR = new RegExp(NOT_XML, 'gu');
const HAS_NOT_XML_CHAR = new RegExp(NOT_XML, 'u');
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

/** Text content as XML: markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
}

/** True when a string holds a character that XML 1.0 cannot carry (control characters, lone surrogates). */
export function hasNonXmlChar(s: string): boolean {
  return HAS_NOT_XML_CHAR.test(s);
}

/** Decimal notation always: xs:decimal has no exponent, and String(1e-7) would give one. */
export function formatNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

function scalarText(v: Exclude<Scalar, null>): string {
  if (typeof v === 'number') return formatNumber(v);
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : xmlText(v);
}

function renderXml(node: Node, indent: string, out: string[]): void {
  if (node.kind === 'value') {
    out.push(
      node.value === null
        ? `${indent}<${node.name}/>`
        : `${indent}<${node.name}>${scalarText(node.value)}</${node.name}>`,
    );
    return;
  }
  const children = node.kind === 'list' ? node.items : node.fields;
  if (!children.length) {
    out.push(`${indent}<${node.name}/>`);
    return;
  }
  out.push(`${indent}<${node.name}>`);
  for (const c of children) renderXml(c, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

/** The whole document: UTF-8 declaration, no namespace (the spec's XML is schemaless). */
export function toXml(root: Node): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderXml(root, '', out);
  return `${out.join('\n')}\n`;
}

export function toJson(node: Node): unknown {
  if (node.kind === 'value') return node.value;
  if (node.kind === 'list') return node.items.map(toJson);
  return Object.fromEntries(node.fields.map((f) => [f.name, toJson(f)]));
}
