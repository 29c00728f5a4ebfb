import { describe, expect, it } from "vitest";
import { linkOrigin } from "./link-origin";

const origins = ["https://console.example.com", "http://127.0.0.1:3000"];

describe("linkOrigin", () => {
  it("keeps the console origin the operator's page was on", () => {
    const headers = new Headers({ origin: "http://127.0.0.1:3000" });
    expect(linkOrigin(headers, origins)).toBe("http://127.0.0.1:3000");
  });

  it("falls back to the first console origin for any other Origin, or none", () => {
    expect(linkOrigin(new Headers({ origin: "https://evil.example" }), origins)).toBe(
      "https://console.example.com",
    );
    expect(linkOrigin(new Headers(), origins)).toBe("https://console.example.com");
  });
});
