import { requireOperator } from "@/lib/access/guard-request";
import { db } from "@/lib/db/client";
import { setLocale } from "@/lib/http/endpoints/account";
import { route } from "@/lib/http/handler";
import { saveOperatorLocale } from "@/lib/i18n/operator-locale";

/** The language switcher saves the operator's choice here; the browser keeps it in a cookie. */
export const PUT = route(setLocale, async ({ body, grant }) => {
  await saveOperatorLocale(db(), requireOperator(grant).userId, body.locale);
  return new Response(null, { status: 204 });
});
