import { describe, expect, it } from "vitest";
import { escapeControlCharacters } from "./one-line";

describe("one log line", () => {
  it("escapes newlines, terminal escapes and line separators, and leaves other text alone", () => {
    expect(escapeControlCharacters("a\nb\r\nc\td")).toBe("a\\nb\\r\\nc\\td");
    expect(escapeControlCharacters("\u001b[31mred\u0000")).toBe("\\u001b[31mred\\u0000");
    expect(escapeControlCharacters("x\u2028y\u0085z")).toBe("x\\u2028y\\u0085z");
    expect(escapeControlCharacters("ログ ok é")).toBe("ログ ok é");
  });
});
