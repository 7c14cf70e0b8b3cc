// Escaping for the XML exports: text and attribute values that any XML 1.0 parser accepts as written.

/** Characters XML 1.0 cannot hold at all, even escaped (controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // In attribute values a parser would turn raw tabs and line breaks into spaces; references keep them.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Escapes a value for element text or a double- or single-quoted attribute; unrepresentable characters become U+FFFD. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, "\uFFFD").replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}

/** `name="value" ...` for the defined entries, escaped. */
export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(" ");
}
