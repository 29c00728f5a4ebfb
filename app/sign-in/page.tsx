import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentOperator } from "@/lib/access/current-operator";
import { safeReturnPath } from "@/lib/shared/sign-in-return";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  // Signed in already (a bookmark, the back button): straight on.
  if (await currentOperator(await headers())) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm">
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
