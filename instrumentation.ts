// Runs once when the Next.js server starts: settings are checked and the database is migrated
// before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/boot/boot-server");
  const { InvalidSettingError } = await import("./lib/settings/read-env");
  try {
    await bootServer();
  } catch (error) {
    if (!(error instanceof InvalidSettingError)) throw error;
    // A misconfiguration, not a bug: say which variable, without a stack trace, and refuse to
    // serve rather than run with a setting the operator did not mean.
    console.error(`[webhook-console] cannot start: ${error.message}`);
    process.exit(1);
  }
}
