import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { twoFactorStatus } from "@/lib/auth/two-factor-status";
import { db } from "@/lib/db/client";
import { loadOperator } from "@/lib/http/page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("account") };
}

/** The signed-in operator's own account: two-factor sign-in, their sessions and their password. */
export default async function AccountPage() {
  // Without a session: the sign-in page, which comes back here after.
  const operator = await loadOperator();
  const t = await getTranslations("pages");
  const twoFactor = await twoFactorStatus(db(), operator);
  return (
    <>
      <Breadcrumb items={[{ label: t("account.heading") }]} />
      <h1 className="text-2xl font-semibold">{t("account.heading")}</h1>
      <p className="mt-1 mb-6 text-sm text-muted">
        {t("account.signedInAs", { email: operator.email })}
      </p>
      <div className="grid grid-cols-1 gap-6">
        <TwoFactorCard enabled={twoFactor.enabled} required={twoFactor.required} />
        <SessionList />
        <ChangePasswordForm />
      </div>
    </>
  );
}
