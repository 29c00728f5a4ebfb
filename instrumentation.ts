// Runs once when the Next.js server starts: the database is migrated before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/boot/boot-server");
  await bootServer();
}
