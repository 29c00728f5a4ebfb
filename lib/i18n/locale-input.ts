import { z } from "zod";
import { LOCALES } from "./locales";

/** PUT /api/account/locale: the operator's language. */
export const localeInput = z.strictObject({
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` }),
});
export type LocaleInput = z.infer<typeof localeInput>;
