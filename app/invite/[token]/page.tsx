import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { currentOperator } from "@/lib/access/current-operator";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/members/accept-invitation";
import { isProviderRole } from "@/lib/shared/provider-roles";

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
 * provider, and the form that makes their account; any other says so.
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
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("heading", { provider: invitation.provider.name })}
      </h1>
      {operator && operator.email !== invitation.email && (
        <p className="text-sm text-muted">
          {t("otherOperator", { signedIn: operator.email, invited: invitation.email })}
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
