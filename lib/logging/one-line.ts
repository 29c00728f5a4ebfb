// A log entry is one line: text that came from outside (an email typed at sign-in, a header, a
// library's message quoting either) cannot start a line of its own and pass for the server's.

/** `text` with every control character (newlines included) written as an escape: `\n`, `\u001b`. */
export function escapeControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "\t") return "\\t";
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
