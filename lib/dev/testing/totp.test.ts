import { describe, expect, it } from "vitest";
import { totpCode, totpSecretOf } from "./totp";

describe("the tests' TOTP codes", () => {
  it("match RFC 6238's SHA-1 test vectors (last 6 digits)", () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", base32-encoded.
    const secret = totpSecretOf(
      "otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=x",
    );
    expect(secret.toString("ascii")).toBe("12345678901234567890");
    expect(totpCode(secret, 59_000)).toBe("287082");
    expect(totpCode(secret, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(secret, 1_234_567_890_000)).toBe("005924");
    expect(totpCode(secret, 20_000_000_000_000)).toBe("353130");
  });
});
