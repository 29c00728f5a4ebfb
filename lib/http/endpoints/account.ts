import { localeInput } from "../../i18n/locale-input";
import { endpoint } from "../endpoint";

/** The language switcher saves the operator's choice; 204. */
export const setLocale = endpoint<null>()({
  method: "PUT",
  path: "/api/account/locale",
  access: "account",
  body: localeInput,
});
