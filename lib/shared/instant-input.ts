import { z } from "zod";
import { INSTANT_EXAMPLE, parseInstant } from "./statistics-range";

/**
 * An instant as the API takes it, in a query string or a JSON body: ISO 8601 with seconds and an
 * offset (parseInstant), read as a Date; anything else is refused with an example.
 */
export const instantInput = z.string().transform((value, ctx) => {
  const parsed = parseInstant(value);
  if (parsed) return parsed;
  ctx.addIssue({
    code: "custom",
    message: `must be an ISO 8601 date and time with seconds and an offset, e.g. ${INSTANT_EXAMPLE} or 2026-11-27T09:00:00+09:00`,
  });
  return z.NEVER;
});
