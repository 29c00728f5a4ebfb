import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InvalidSettingError } from "../settings/read-env";

/** Where the generated secret is kept when BETTER_AUTH_SECRET is not set. */
export const AUTH_SECRET_FILE = "data/auth-secret";

/**
 * The key that signs session cookies. BETTER_AUTH_SECRET when set (at least 32 characters; set it
 * when several machines serve one database); otherwise 32 random bytes generated on first use and
 * kept in data/auth-secret (mode 0600), so one machine's restarts keep their sessions.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env, file = AUTH_SECRET_FILE): string {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) {
      throw new InvalidSettingError("BETTER_AUTH_SECRET", "at least 32 characters", "(too short)");
    }
    return configured;
  }
  // Resolved at run time against the working directory, as the SQLite file is; not a build input.
  const full = path.resolve(/* turbopackIgnore: true */ process.cwd(), file);
  mkdirSync(path.dirname(full), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const stored = readFileSync(full, "utf8").trim();
      if (stored.length >= 32) return stored;
      // Another process is writing it this instant: read again.
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      const secret = randomBytes(32).toString("base64url");
      try {
        // O_EXCL, mode 0600: created by one process only, never readable by other users.
        writeFileSync(full, `${secret}\n`, { flag: "wx", mode: 0o600 });
        return secret;
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      }
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`${full} holds no secret of at least 32 characters`);
}
