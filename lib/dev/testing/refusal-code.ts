import { DomainError } from "../../errors";

/**
 * The code of the DomainError `attempt` is refused with (`not_found`, `forbidden`, ...), or
 * `succeeded` when it is not; anything else thrown fails the test.
 */
export async function refusalCode(attempt: Promise<unknown>, succeeded: string): Promise<string> {
  try {
    await attempt;
    return succeeded;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
