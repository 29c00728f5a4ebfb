import { requireOperator } from "@/lib/access/guard-request";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { localeInput } from "@/lib/i18n/locale-input";
import { saveOperatorLocale } from "@/lib/i18n/operator-locale";

/** The language switcher saves the operator's choice here; the browser keeps it in a cookie. */
export const PUT = route(async (request, _params, grant) => {
  const { locale } = await parseJsonBody(request, localeInput);
  await saveOperatorLocale(db(), requireOperator(grant).userId, locale);
  return new Response(null, { status: 204 });
});
