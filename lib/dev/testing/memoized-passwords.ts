// Better Auth's own password hashing (scrypt, about 100 ms of CPU a call), remembered per process:
// the contract tests create and sign in one or more operators in every test, on a fresh database,
// and spent most of their time hashing the same password over and over. Hashing and checking are
// Better Auth's; only a result already computed in this process is answered from memory. The
// sign-in tests (lib/auth/auth.int.test.ts) use the real thing, uncached, but where they count
// guesses of one wrong password; the two-factor tests sign in with one password many times.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { PasswordHashing } from "../../auth/auth";

/** The password the contract tests' operators share: hashed once per process. */
export const CONTRACT_TEST_PASSWORD = "contract-test-password-0123";

const hashes = new Map<string, Promise<string>>();
const checks = new Map<string, Promise<boolean>>();

function remembered<T>(memory: Map<string, Promise<T>>, key: string, compute: () => Promise<T>) {
  let answer = memory.get(key);
  if (!answer) {
    answer = compute();
    memory.set(key, answer);
    // A failure is not remembered: the next call computes again.
    answer.catch(() => memory.delete(key));
  }
  return answer;
}

export const memoizedPasswords: PasswordHashing = {
  hash: (password) => remembered(hashes, password, () => hashPassword(password)),
  verify: ({ hash, password }) =>
    remembered(checks, `${hash}\u0000${password}`, () => verifyPassword({ hash, password })),
};
