/** True when a Prisma write failed on a unique constraint (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2002"
  );
}

/**
 * Runs `create` with a fresh random id until it does not collide. Ids are 10 random digits, so
 * a collision is rare but possible, and retrying beats an error page.
 */
export async function withFreshId<T>(create: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}
