// Runs once when the Next.js server starts: settings are checked and the database is migrated
// before the first request (lib/boot/boot-server.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/boot/boot-server");
  await bootServer();
}
