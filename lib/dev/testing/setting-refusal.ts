import { type Env, InvalidSettingError } from "../../settings/read-env";

/** The error `read` refuses `env` with; fails the test when it accepts it or throws another. */
export function settingRefusal(read: (env: Env) => unknown, env: Env): InvalidSettingError {
  try {
    read(env);
  } catch (error) {
    if (error instanceof InvalidSettingError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}
