import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentOperator } from "@/lib/access/current-operator";
import { demoOperatorEmailFromEnv } from "@/lib/settings/demo-sign-in";
import { safeReturnPath } from "@/lib/shared/sign-in-return";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("signIn") };
}

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  // Signed in already (a bookmark, the back button): straight on.
  if (await currentOperator(await headers())) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm">
      <SignInForm returnTo={returnTo} demoEmail={demoOperatorEmailFromEnv()} />
    </div>
  );
}
