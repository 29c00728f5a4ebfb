import { describe, expect, it } from "vitest";
import { typedNameMatches } from "./typed-name";

describe("typedNameMatches", () => {
  it("accepts the name exactly as it is", () => {
    expect(typedNameMatches("Acme Bots", "Acme Bots")).toBe(true);
    expect(typedNameMatches("ボット 1", "ボット 1")).toBe(true);
  });

  it("forgives spaces around the name, since names are stored trimmed", () => {
    expect(typedNameMatches("  Acme Bots ", "Acme Bots")).toBe(true);
  });

  it("refuses anything else: another case, a part, inner spaces, nothing", () => {
    expect(typedNameMatches("acme bots", "Acme Bots")).toBe(false);
    expect(typedNameMatches("Acme", "Acme Bots")).toBe(false);
    expect(typedNameMatches("Acme Bots!", "Acme Bots")).toBe(false);
    expect(typedNameMatches("Acme  Bots", "Acme Bots")).toBe(false);
    expect(typedNameMatches("", "Acme Bots")).toBe(false);
  });

  it("never matches an empty name, so an unloaded name cannot enable the button", () => {
    expect(typedNameMatches("", "")).toBe(false);
    expect(typedNameMatches(" ", "")).toBe(false);
  });
});
