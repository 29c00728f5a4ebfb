import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { auth } from "@/lib/auth/auth";

export const metadata: Metadata = { title: "Account" };

/** The signed-in operator's own account: their sessions and their password. */
export default async function AccountPage() {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in?next=/account");
  return (
    <>
      <Breadcrumb items={[{ label: "Account" }]} />
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Signed in as {session.user.email}</p>
      <div className="grid gap-6">
        <SessionList />
        <ChangePasswordForm />
      </div>
    </>
  );
}
