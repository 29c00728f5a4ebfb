import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { loadOperator } from "@/lib/http/page-data";

export const metadata: Metadata = { title: "Account" };

/** The signed-in operator's own account: their sessions and their password. */
export default async function AccountPage() {
  // Without a session: the sign-in page, which comes back here after.
  const operator = await loadOperator();
  return (
    <>
      <Breadcrumb items={[{ label: "Account" }]} />
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Signed in as {operator.email}</p>
      <div className="grid gap-6">
        <SessionList />
        <ChangePasswordForm />
      </div>
    </>
  );
}
