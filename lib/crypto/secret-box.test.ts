import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, openSecret, parseSecretKey, SecretBoxError, sealSecret } from "./secret-box";

const key = randomBytes(32);
const SECRET = "0123456789abcdef0123456789abcdef";

describe("secret box", () => {
  it("round-trips, with a fresh nonce every time and no trace of the plaintext", () => {
    const first = sealSecret(key, "1234567890", SECRET);
    const second = sealSecret(key, "1234567890", SECRET);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(SECRET);
    expect(isSealed(first)).toBe(true);
    expect(openSecret(key, "1234567890", first)).toBe(SECRET);
    expect(openSecret(key, "1234567890", second)).toBe(SECRET);
  });

  it("refuses a tampered value", () => {
    const sealed = sealSecret(key, "1234567890", SECRET);
    const [version, nonce, body] = sealed.split(":") as [string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = [version, nonce, flipped.toString("base64url")].join(":");
    expect(() => openSecret(key, "1234567890", tampered)).toThrow(SecretBoxError);
    const otherNonce = [version, randomBytes(12).toString("base64url"), body].join(":");
    expect(() => openSecret(key, "1234567890", otherNonce)).toThrow(SecretBoxError);
    expect(() => openSecret(key, "1234567890", `${sealed}:extra`)).toThrow(SecretBoxError);
    expect(() => openSecret(key, "1234567890", "v1:short:short")).toThrow(SecretBoxError);
    expect(() => openSecret(key, "1234567890", `v2:${nonce}:${body}`)).toThrow(SecretBoxError);
  });

  it("refuses another key, and says nothing of either key or value", () => {
    const sealed = sealSecret(key, "1234567890", SECRET);
    const error = (() => {
      try {
        openSecret(randomBytes(32), "1234567890", sealed);
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect(error).toBeInstanceOf(SecretBoxError);
    expect(error?.message).not.toContain(sealed.split(":")[2]);
    expect(error?.message).not.toContain(SECRET);
  });

  it("refuses a value copied from another row (the row id is associated data)", () => {
    const sealed = sealSecret(key, "1234567890", SECRET);
    expect(() => openSecret(key, "1234567891", sealed)).toThrow(SecretBoxError);
  });

  it("reads a legacy plaintext secret as it is", () => {
    expect(isSealed(SECRET)).toBe(false);
    expect(openSecret(key, "1234567890", SECRET)).toBe(SECRET);
  });

  it("takes a key of 32 bytes as 64 hex characters or base64, and nothing else", () => {
    expect(parseSecretKey(key.toString("hex"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64url"))).toEqual(key);
    expect(parseSecretKey(` ${key.toString("base64")}\n`)).toEqual(key);
    expect(parseSecretKey(randomBytes(16).toString("hex"))).toBeNull();
    expect(parseSecretKey(randomBytes(31).toString("base64"))).toBeNull();
    expect(parseSecretKey(randomBytes(33).toString("base64"))).toBeNull();
    expect(parseSecretKey("secret")).toBeNull();
    expect(parseSecretKey("")).toBeNull();
    expect(() => sealSecret(randomBytes(16), "1", SECRET)).toThrow(SecretBoxError);
  });
});
