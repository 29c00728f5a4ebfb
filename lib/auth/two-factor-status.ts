import "server-only";
import type { Db } from "../db/client";
import { type TwoFactorRequirement, twoFactorRequirementFromEnv } from "./two-factor-setting";

/** TWO_FACTOR_REQUIRED, read once per process (the server checked it at start). */
let requirement: TwoFactorRequirement | undefined;

/**
 * Whether TWO_FACTOR_REQUIRED asks this operator for a second factor: a console administrator,
 * or an Admin of any provider. Reads the database only with the setting on.
 */
export async function twoFactorRequiredFor(
  db: Db,
  operator: { userId: string; consoleAdmin: boolean },
): Promise<boolean> {
  requirement ??= twoFactorRequirementFromEnv();
  if (requirement === "none") return false;
  if (operator.consoleAdmin) return true;
  const adminOf = await db.providerMember.count({
    where: { userId: operator.userId, role: "admin" },
  });
  return adminOf > 0;
}

/** For the account page: whether two-factor sign-in is on, and whether it is required. */
export async function twoFactorStatus(db: Db, operator: { userId: string; consoleAdmin: boolean }) {
  const user = await db.user.findUnique({
    where: { id: operator.userId },
    select: { twoFactorEnabled: true },
  });
  return {
    enabled: user?.twoFactorEnabled === true,
    required: await twoFactorRequiredFor(db, operator),
  };
}
