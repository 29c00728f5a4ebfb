import { endpoint, schema } from "../endpoint";

/** The language switcher saves the operator's choice; 204. */
export const setLocale = endpoint<null>()({
  method: "PUT",
  path: "/api/account/locale",
  access: "account",
  body: schema(() => import("../../i18n/locale-input"), "localeInput"),
});
