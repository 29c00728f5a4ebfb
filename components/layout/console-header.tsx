import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { AccountMenu } from "@/components/layout/account-menu";
import { currentOperator } from "@/lib/access/current-operator";

export async function ConsoleHeader() {
  const operator = await currentOperator(await headers());
  const t = await getTranslations("layout");
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4 sm:px-6">
        <Link href="/console" className="flex items-center gap-2 font-semibold whitespace-nowrap">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-line-green-dark text-xs font-bold text-white"
          >
            W
          </span>
          {/* On a phone the mark alone, to leave room for the language and the account. */}
          <span className="max-sm:sr-only">Webhook Console</span>
        </Link>
        {/* Only where there is room for it beside the rest (a phone has none). */}
        <span className="hidden truncate text-sm text-muted md:inline">{t("tagline")}</span>
        <div className="ml-auto flex items-center gap-3">
          <LocaleSwitcher signedIn={operator !== null} />
          {operator && <AccountMenu email={operator.email} />}
          {operator && (
            <div className="hidden items-center gap-3 sm:flex">
              <Link
                href="/account"
                title={t("accountLinkTitle")}
                className="max-w-64 truncate text-sm text-muted hover:text-ink hover:underline"
                data-testid="signed-in-operator"
              >
                {operator.email}
              </Link>
              <SignOutButton />
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
