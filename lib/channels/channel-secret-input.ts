import { z } from "zod";
import { INSTANT_EXAMPLE, parseInstant } from "../shared/statistics-range";

/**
 * Body of a channel secret reissue (optional): `switchAt`, when the new secret takes over (an ISO
 * 8601 instant; absent or past: at once). Until then webhooks are signed with the current one.
 */
export const reissueChannelSecretInput = z.strictObject({
  switchAt: z
    .string()
    .transform((value, ctx) => {
      const parsed = parseInstant(value);
      if (parsed) return parsed;
      ctx.addIssue({
        code: "custom",
        message: `must be an ISO 8601 date and time with seconds and an offset, e.g. ${INSTANT_EXAMPLE}`,
      });
      return z.NEVER;
    })
    .optional(),
});
