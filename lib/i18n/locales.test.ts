import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4", "ja"],
    ["en;q=0.2, ja;q=0.8", "ja"],
    ["JA-jp", "ja"],
    ["ja;q=0, en", "en"],
    ["fr, *;q=0.1", "en"],
    ["en;q=0.5, ja;q=0.5", "en"],
  ] as const)("picks %s -> %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it.each([null, "", "fr-FR,de;q=0.9", "ja;q=0", ";q=1", "jav"])("finds none in %j", (header) => {
    expect(negotiateLocale(header)).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("takes the cookie first, then the profile, then Accept-Language, then English", () => {
    expect(resolveLocale({ cookie: "ja", profile: "en", acceptLanguage: "en" })).toBe("ja");
    expect(resolveLocale({ cookie: null, profile: "ja", acceptLanguage: "en" })).toBe("ja");
    expect(resolveLocale({ cookie: null, profile: null, acceptLanguage: "ja-JP" })).toBe("ja");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores a cookie or profile value that is not one of its languages", () => {
    expect(resolveLocale({ cookie: "fr", profile: "xx", acceptLanguage: "ja" })).toBe("ja");
    expect(resolveLocale({ cookie: "../ja", acceptLanguage: "de" })).toBe("en");
  });
});
