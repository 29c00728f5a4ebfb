import {
  type Env,
  InvalidSettingError,
  optionalSetting,
  secretSetting,
} from "../settings/read-env";
import { emailInput, newPasswordInput } from "../shared/account-input";

/**
 * CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD: the console administrator created (or whose
 * password is reset to this one) at start. Both or neither; null for neither.
 */
export function consoleAdminSettingFromEnv(env: Env) {
  const email = optionalSetting(env, "CONSOLE_ADMIN_EMAIL");
  const password = secretSetting(env, "CONSOLE_ADMIN_PASSWORD", "12 to 128 characters", (raw) =>
    newPasswordInput.safeParse(raw).success ? raw : null,
  );
  if (email === null && password === null) return null;
  if (email === null) {
    throw new InvalidSettingError("CONSOLE_ADMIN_EMAIL", "set with CONSOLE_ADMIN_PASSWORD", "");
  }
  const parsed = emailInput.safeParse(email);
  if (!parsed.success) throw new InvalidSettingError("CONSOLE_ADMIN_EMAIL", "an email", email);
  if (password === null) {
    throw new InvalidSettingError("CONSOLE_ADMIN_PASSWORD", "set with CONSOLE_ADMIN_EMAIL", "", {
      hideValue: true,
    });
  }
  return { email: parsed.data, password };
}
