import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import {
  AcceptInvitationForm,
  JoinInvitationCard,
} from "@/components/invitations/accept-invitation-form";
import { currentOperator } from "@/lib/access/current-operator";
import { db } from "@/lib/db/client";
import { findInvitation, invitedAccountExists } from "@/lib/members/accept-invitation";
import { isProviderRole } from "@/lib/shared/provider-roles";
import { signInPath } from "@/lib/shared/sign-in-return";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return {
    title: t("invitation"),
    // The path holds the invitation's secret: keep it out of any index.
    robots: { index: false, follow: false },
  };
}

type Props = { params: Promise<{ token: string }> };

/**
 * Public: the invitation link is the credential. A link that works shows who is invited to which
 * provider and how to accept: as the signed-in invited account, by signing in to it, or by making
 * it; any other link says it does not work.
 */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitation(db(), token);
  const t = await getTranslations("pages.invite");
  if (!invitation || !isProviderRole(invitation.role)) {
    return (
      <section className="mx-auto max-w-md rounded-lg border border-line bg-white p-8 text-center">
        <h1 className="text-xl font-semibold">{t("invalidHeading")}</h1>
        {/* lib/members/accept-invitation.ts INVALID_INVITATION_MESSAGE, then what to do. */}
        <p className="mt-2 text-sm text-muted">{t("invalidText")}</p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm underline">
          {t("signIn")}
        </Link>
      </section>
    );
  }
  const operator = await currentOperator(await headers());
  const invited = invitation.email;
  const props = {
    token,
    email: invited,
    role: invitation.role,
    providerId: invitation.provider.id,
    providerName: invitation.provider.name,
  };
  const here = `/invite/${token}`;
  // Who may accept (lib/members/accept-invitation.ts): the invited address's account, signed in,
  // or, for an address without one, whoever creates it here; nobody signed in as someone else.
  let body: React.ReactNode;
  if (operator && operator.email !== invited) {
    body = (
      <div className="space-y-3 rounded-lg border border-line bg-white p-6 text-sm">
        <p>{t("otherOperator", { signedIn: operator.email, invited })}</p>
        <SignOutButton then={here} />
      </div>
    );
  } else if (operator) {
    body = <JoinInvitationCard {...props} />;
  } else if (await invitedAccountExists(db(), invited)) {
    body = (
      <div className="space-y-3 rounded-lg border border-line bg-white p-6 text-sm">
        <p>{t("signInToAccept", { invited })}</p>
        <Link href={signInPath(here)} className="inline-block font-medium underline">
          {t("signInAs", { invited })}
        </Link>
      </div>
    );
  } else {
    body = <AcceptInvitationForm {...props} />;
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("heading", { provider: invitation.provider.name })}
      </h1>
      {body}
    </div>
  );
}
