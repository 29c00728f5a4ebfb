import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Channel secrets at rest: AES-256-GCM, a random 96-bit nonce per value, and the row's id as
// associated data, so a value copied into another row does not decrypt there. Stored as text in
// the column the plaintext used to fill: `v1:<base64url nonce>:<base64url ciphertext + tag>`.
// A value without a version prefix is a plaintext secret from before encryption, still read
// until the start-up pass seals it (docs/adr/0012-channel-secrets-encrypted-in-the-app.md).

/** AES-256: the key is 32 bytes. */
export const SECRET_KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";
const VERSIONED = /^v[0-9]+:/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A stored value that cannot be opened. The message never contains the value or the key. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/**
 * The key from its configured text: 64 hex characters, or base64 (standard or URL-safe, padding
 * optional) of exactly 32 bytes. Null for anything else.
 */
export function parseSecretKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  return null;
}

/** True for an encrypted value; false for a legacy plaintext secret. */
export function isSealed(stored: string): boolean {
  return VERSIONED.test(stored);
}

/** Encrypts `plaintext` for the row `rowId`. */
export function sealSecret(key: Buffer, rowId: string, plaintext: string): string {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(rowId, "utf8"));
  const sealed = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${VERSION}:${nonce.toString("base64url")}:${sealed.toString("base64url")}`;
}

/**
 * The plaintext of a stored value of row `rowId`: decrypted and authenticated, or, for a legacy
 * plaintext value, the value itself. Throws SecretBoxError for a tampered value, another key,
 * another row's value, an unknown version or a malformed one.
 */
export function openSecret(key: Buffer, rowId: string, stored: string): string {
  checkKey(key);
  if (!isSealed(stored)) return stored;
  const [version, nonceText = "", sealedText = "", ...rest] = stored.split(":");
  if (version !== VERSION) throw new SecretBoxError(`unknown secret format ${version}`);
  if (rest.length > 0 || !BASE64URL.test(nonceText) || !BASE64URL.test(sealedText)) {
    throw new SecretBoxError("malformed encrypted secret");
  }
  const nonce = Buffer.from(nonceText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) {
    throw new SecretBoxError("malformed encrypted secret");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAAD(Buffer.from(rowId, "utf8"));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    // Node's message says only that authentication failed; ours says which row.
    throw new SecretBoxError(
      `the secret of ${rowId} does not decrypt with this key (another key, or altered)`,
    );
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new SecretBoxError(`the key must be ${SECRET_KEY_BYTES} bytes`);
  }
}
