/**
 * Text that XML 1.0 can carry, escaped. Shared by the GraphML and GEXF writers.
 *
 * XML 1.0 cannot represent most C0 control characters, lone surrogates, U+FFFE or U+FFFF at all —
 * not even as character references — so a writer must replace them; they become U+FFFD (the
 * replacement character). Everything else survives a write and a parse unchanged, including
 * carriage returns and tabs in attributes (written as character references, because a parser
 * normalises raw ones to spaces or newlines).
 */

// Anything outside XML 1.0's Char production: C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, and
// surrogates that are not part of a valid pair.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/** Escaped for element content (between tags). */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;',
  );
}

const ATTR: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/** Escaped for a double-quoted attribute value. */
export function xmlAttr(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r]/g, (c) => ATTR[c]!);
}
