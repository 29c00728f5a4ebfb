import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "../db/config";
import { resolveDatabaseConfig } from "../db/config";
import { type Env, secretSetting } from "../settings/read-env";
import { parseSecretKey, SECRET_KEY_BYTES } from "./secret-box";

export const SECRET_KEY_VARIABLE = "CONSOLE_SECRET_KEY";
export const SECRET_KEY_FILE_NAME = "secret.key";
/** With PostgreSQL (no SQLite file to sit next to), the generated key goes here. */
export const DEFAULT_SECRET_KEY_DIR = "data";

/** Where the key comes from: the environment, or a file generated on first start. */
export type SecretKeySetting =
  | { source: "env"; key: Buffer }
  | { source: "file"; filePath: string };

/**
 * CONSOLE_SECRET_KEY (32 bytes: base64 or 64 hex characters; anything else is refused, without
 * echoing it), or else the key file: `secret.key` beside the SQLite file (`data/secret.key` by
 * default), or `data/secret.key` with PostgreSQL.
 */
export function secretKeySettingFromEnv(
  env: Env = process.env,
  database: DatabaseConfig = resolveDatabaseConfig(env.DATABASE_URL),
): SecretKeySetting {
  const key = secretSetting(
    env,
    SECRET_KEY_VARIABLE,
    `${SECRET_KEY_BYTES} bytes as base64 or as 64 hex characters`,
    parseSecretKey,
  );
  if (key) return { source: "env", key };
  const dir =
    database.provider === "sqlite"
      ? path.dirname(database.filePath)
      : path.resolve(DEFAULT_SECRET_KEY_DIR);
  return { source: "file", filePath: path.join(dir, SECRET_KEY_FILE_NAME) };
}

/** The key file could not be read or holds no usable key. Never contains the file's content. */
export class SecretKeyFileError extends Error {
  constructor(filePath: string, problem: string) {
    super(`${filePath}: ${problem}; set ${SECRET_KEY_VARIABLE} or replace the file`);
    this.name = "SecretKeyFileError";
  }
}

/**
 * The key the setting names. A key file that does not exist yet is created with a fresh random
 * key (0600, in a directory created 0700); an existing one is read as it is.
 */
export function loadSecretKey(setting: SecretKeySetting): { key: Buffer; created: boolean } {
  if (setting.source === "env") return { key: setting.key, created: false };
  const { filePath } = setting;
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  let created = false;
  try {
    // O_EXCL: never overwrite a key; two processes starting at once both end up reading one.
    const fd = openSync(filePath, "wx", 0o600);
    try {
      writeSync(fd, `${randomBytes(SECRET_KEY_BYTES).toString("base64")}\n`);
    } finally {
      closeSync(fd);
    }
    chmodSync(filePath, 0o600);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  let text: string;
  try {
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    throw new SecretKeyFileError(
      filePath,
      `cannot be read (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  const key = parseSecretKey(text);
  if (!key) {
    throw new SecretKeyFileError(
      filePath,
      `does not hold ${SECRET_KEY_BYTES} bytes as base64 or 64 hex characters`,
    );
  }
  return { key, created };
}

// The process's key, kept on globalThis: Next bundles instrumentation and route handlers
// separately, and both must use the same key.
const processWide = globalThis as typeof globalThis & { webhookConsoleSecretKey?: Buffer };

/** Set at start-up (lib/boot/boot-server.ts) from the server's settings. */
export function setChannelSecretKey(key: Buffer): void {
  processWide.webhookConsoleSecretKey = key;
}

/**
 * The key channel secrets are sealed with. Outside the server (scripts, tests) it is resolved
 * from the environment on first use, by the same rule as at start-up.
 */
export function channelSecretKey(): Buffer {
  processWide.webhookConsoleSecretKey ??= loadSecretKey(secretKeySettingFromEnv()).key;
  return processWide.webhookConsoleSecretKey;
}
