// RFC 6238 TOTP codes, computed here from the otpauth URI's shared secret: the tests check Better
// Auth's codes against an implementation that is not its own (HMAC-SHA1, 30-second steps, 6 digits,
// as authenticator apps compute them).
import { createHmac } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/=+$/, "").toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The shared secret of an `otpauth://totp/...?secret=BASE32` URI. */
export function totpSecretOf(uri: string): Buffer {
  const secret = new URL(uri).searchParams.get("secret");
  if (!secret) throw new Error("the otpauth URI has no secret");
  return base32Decode(secret);
}

/** The code for the 30-second step `stepOffset` steps from the one holding `at`. */
export function totpCode(secret: Buffer, at = Date.now(), stepOffset = 0): string {
  const step = Math.floor(at / 30_000) + stepOffset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac("sha1", secret).update(counter).digest();
  const offset = (digest.at(-1) ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, "0");
}
