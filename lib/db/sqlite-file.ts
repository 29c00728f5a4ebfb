import "server-only";
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

/**
 * Creates the SQLite file, when it does not exist yet, readable and writable by the console's
 * own user alone (0600), in a directory only that user can enter (0700) when the console creates
 * it: the file holds channel secrets and every webhook's content. SQLite gives the companions it
 * creates next to the file (`-wal`, `-shm`, `-journal`) the file's own permissions. An existing
 * file or directory keeps the permissions its owner gave it.
 */
export function createPrivateSqliteFile(filePath: string): void {
  mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  try {
    // O_EXCL: only a file that is not there is created; an empty file is an empty database.
    closeSync(openSync(filePath, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}
