import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { currentOperator } from "@/lib/access/current-operator";
import { db } from "@/lib/db/client";
import { findInvitation, INVALID_INVITATION_MESSAGE } from "@/lib/members/accept-invitation";
import { isProviderRole } from "@/lib/shared/provider-roles";

export const metadata: Metadata = {
  title: "Invitation",
  // The path holds the invitation's secret: keep it out of any index.
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ token: string }> };

/**
 * Public: the invitation link is the credential. A link that works shows who is invited to which
 * provider, and the form that makes their account; any other says so.
 */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitation(db(), token);
  if (!invitation || !isProviderRole(invitation.role)) {
    return (
      <section className="mx-auto max-w-md rounded-lg border border-line bg-white p-8 text-center">
        <h1 className="text-xl font-semibold">Invitation not valid</h1>
        <p className="mt-2 text-sm text-muted">
          {INVALID_INVITATION_MESSAGE}. Ask an Admin of the provider for a new link.
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm underline">
          Sign in
        </Link>
      </section>
    );
  }
  const operator = await currentOperator(await headers());
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Invitation to {invitation.provider.name}</h1>
      {operator && operator.email !== invitation.email && (
        <p className="text-sm text-muted">
          You are signed in as {operator.email}. Accepting signs you in as {invitation.email}{" "}
          instead.
        </p>
      )}
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        role={invitation.role}
        providerId={invitation.provider.id}
        providerName={invitation.provider.name}
      />
    </div>
  );
}
