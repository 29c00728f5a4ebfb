// How what a bot answered is put into an attempt row: text any database column takes, and bounded,
// since a bot chooses its headers and body (the excerpt is bounded by the sender already).

/** Headers kept per attempt, and characters kept per header name and value. */
export const STORED_HEADERS_MAX = 64;
export const STORED_HEADER_NAME_MAX = 128;
export const STORED_HEADER_VALUE_MAX = 1024;

/**
 * `text` with U+0000 replaced by U+FFFD: PostgreSQL text cannot hold it (SQLite can, but both
 * databases must read back the same). Decoded UTF-8 and Node's header strings hold no unpaired
 * surrogates, the other thing PostgreSQL refuses.
 */
export function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\ufffd") : text;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Headers as the JSON object stored in the attempt row, the first STORED_HEADERS_MAX of them
 * with long names and values cut; null when there are none (no answer arrived).
 */
export function storedHeaders(headers: Record<string, string>): string | null {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const name in headers) {
    if (count++ === STORED_HEADERS_MAX) break;
    kept[storableText(cut(name, STORED_HEADER_NAME_MAX))] = storableText(
      cut(headers[name] ?? "", STORED_HEADER_VALUE_MAX),
    );
  }
  return count === 0 ? null : JSON.stringify(kept);
}
