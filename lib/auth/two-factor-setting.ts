import { choiceSetting, type Env } from "../settings/read-env";

/**
 * TWO_FACTOR_REQUIRED: who must sign in with a second factor. `admins`: console administrators
 * and the Admins of any provider; until they turn it on they can use only their account page.
 */
export type TwoFactorRequirement = "none" | "admins";

export function twoFactorRequirementFromEnv(env: Env = process.env): TwoFactorRequirement {
  return choiceSetting<TwoFactorRequirement>(
    env,
    "TWO_FACTOR_REQUIRED",
    { none: "none", admins: "admins" },
    "none",
  );
}

export const TWO_FACTOR_REQUIRED_MESSAGE =
  "Your role requires two-factor sign-in: turn it on on your account page first";
