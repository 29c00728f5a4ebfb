import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { currentOperator } from "@/lib/access/current-operator";

export async function ConsoleHeader() {
  const operator = await currentOperator(await headers());
  const t = await getTranslations("layout");
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-6">
        <Link href="/console" className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-line-green-dark text-xs font-bold text-white"
          >
            W
          </span>
          Webhook Console
        </Link>
        <span className="text-sm text-muted">{t("tagline")}</span>
        <div className="ml-auto flex items-center gap-3">
          <LocaleSwitcher signedIn={operator !== null} />
          {operator && (
            <>
              <Link
                href="/account"
                title={t("accountLinkTitle")}
                className="text-sm text-muted hover:text-ink hover:underline"
                data-testid="signed-in-operator"
              >
                {operator.email}
              </Link>
              <SignOutButton />
            </>
          )}
        </div>
      </div>
    </header>
  );
}
