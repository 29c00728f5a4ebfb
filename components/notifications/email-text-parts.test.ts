import { describe, expect, it } from "vitest";
import { emailTextParts } from "./email-text-parts";

describe("emailTextParts", () => {
  it("finds each address, decodes its label and leaves the text around it", () => {
    const text =
      "Deliveries: http://127.0.0.1:3000/console/channel/1/deliveries?from=2026-12-07T10%3A00%3A00%2B09%3A00&reason=request_timeout\nSettings:\nhttps://console.example/console/channel/1/basics";
    expect(emailTextParts(text)).toEqual([
      { text: "Deliveries: " },
      {
        url: "http://127.0.0.1:3000/console/channel/1/deliveries?from=2026-12-07T10%3A00%3A00%2B09%3A00&reason=request_timeout",
        label:
          "http://127.0.0.1:3000/console/channel/1/deliveries?from=2026-12-07T10:00:00+09:00&reason=request_timeout",
      },
      { text: "\nSettings:\n" },
      {
        url: "https://console.example/console/channel/1/basics",
        label: "https://console.example/console/channel/1/basics",
      },
    ]);
  });

  it("leaves a full stop or bracket at the end of an address to the sentence", () => {
    expect(emailTextParts("See http://a.test/x. (or http://a.test/y)")).toEqual([
      { text: "See " },
      { url: "http://a.test/x", label: "http://a.test/x" },
      { text: ". (or " },
      { url: "http://a.test/y", label: "http://a.test/y" },
      { text: ")" },
    ]);
  });

  it("links only http and https, and keeps an address that does not decode as it is", () => {
    expect(emailTextParts("javascript:alert(1) ftp://a.test http://a.test/%E0%A4%A")).toEqual([
      { text: "javascript:alert(1) ftp://a.test " },
      { url: "http://a.test/%E0%A4%A", label: "http://a.test/%E0%A4%A" },
    ]);
    expect(emailTextParts("no links here")).toEqual([{ text: "no links here" }]);
    expect(emailTextParts("")).toEqual([]);
  });
});
