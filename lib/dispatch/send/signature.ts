import { createHmac } from "node:crypto";

/** x-line-signature: Base64(HMAC-SHA256(channel secret, raw body bytes)). */
export function signBody(channelSecret: string, body: Buffer): string {
  return createHmac("sha256", channelSecret).update(body).digest("base64");
}
