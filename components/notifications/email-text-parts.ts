/** A piece of an email's plain text: words as they are, or a web address to render as a link. */
export type EmailTextPart = { text: string } | { url: string; label: string };

// An http(s) address runs to the next whitespace; a full stop, comma or closing bracket right at
// its end is the sentence's, not the address's.
const ADDRESS = /https?:\/\/[^\s]+?(?=[.,;:!?)\]]*(?:\s|$))/g;

/**
 * Splits an email's text into plain runs and web addresses, so the outbox can show the links the
 * mail holds as links. Only http and https become links. The label is the address with its
 * percent-escapes decoded (a reader sees `from=2026-12-07T10:00:00+09:00`, not `%3A`), or the
 * address itself when it does not decode.
 */
export function emailTextParts(text: string): EmailTextPart[] {
  const parts: EmailTextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ url: match[0], label: readable(match[0]) });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

function readable(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
