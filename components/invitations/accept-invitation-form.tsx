"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { useRoleLabel } from "@/components/roles/use-role-label";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import type { ProviderRole } from "@/lib/shared/provider-roles";
import { signInPath } from "@/lib/shared/sign-in-return";
import { acceptInvitationProblems, hasProblems, NAME_MAX_LENGTH } from "./accept-invitation-rules";
import { type AcceptInvitationOutcome, useAcceptInvitation } from "./use-accept-invitation";

interface AcceptInvitationFormProps {
  token: string;
  email: string;
  role: ProviderRole;
  providerId: string;
  providerName: string;
}

/** Who is invited to which provider as what, with the role and email marked for tests. */
function InvitationIntro({
  message,
  providerName,
  role,
  email,
}: {
  message: "form.intro" | "join.intro";
  providerName: string;
  role: ProviderRole;
  email: string;
}) {
  const t = useTranslations("invitations");
  const roleLabel = useRoleLabel();
  return (
    <p className="text-sm">
      {t.rich(message, {
        provider: providerName,
        role: roleLabel(role),
        email,
        strong: (chunks) => <strong>{chunks}</strong>,
        roleStrong: (chunks) => <strong data-testid="invitation-role">{chunks}</strong>,
        emailStrong: (chunks) => <strong data-testid="invitation-email">{chunks}</strong>,
      })}
    </p>
  );
}

/** Where the outcome leaves the person when it is not straight into the console. */
function OutcomeNotice({ outcome }: { outcome: AcceptInvitationOutcome }) {
  const t = useTranslations("invitations");
  const { accepted } = outcome;
  const signIn = signInPath(`/console/provider/${accepted.providerId}`);
  if (outcome.kind === "sign-in-failed") {
    return (
      <Alert tone="error">
        {t.rich("outcome.signInFailed", {
          message: outcome.message ?? t("outcome.noAnswer"),
          email: accepted.email,
          link: (chunks) => (
            <Link href={signIn} className="font-medium underline">
              {chunks}
            </Link>
          ),
        })}
      </Alert>
    );
  }
  return <Alert tone="success">{t("outcome.joined")}</Alert>;
}

/**
 * For an invited address without an account: the new account's name and password; on success,
 * signed in on the provider's page.
 */
export function AcceptInvitationForm({
  token,
  email,
  role,
  providerId,
  providerName,
}: AcceptInvitationFormProps) {
  const t = useTranslations("invitations");
  const tAccount = useTranslations("account");
  const router = useRouter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  // Problems show only after a submit, so the fields do not complain while being typed in.
  const [checked, setChecked] = useState(false);
  const accept = useAcceptInvitation(token);
  const found = acceptInvitationProblems(
    { name, password, confirmation },
    { account: tAccount, invitations: t },
  );
  const problems = checked ? found : {};
  const outcome = accept.data;

  if (outcome) return <OutcomeNotice outcome={outcome} />;

  return (
    <Card title={t("form.title")}>
      <form
        className="grid grid-cols-1 gap-3 py-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (hasProblems(found)) return;
          accept.mutate(
            { name: name.trim(), password },
            {
              onSuccess: (result) => {
                if (result.kind !== "signed-in") return;
                router.push(`/console/provider/${providerId}`);
                router.refresh();
              },
            },
          );
        }}
      >
        <InvitationIntro
          message="form.intro"
          providerName={providerName}
          role={role}
          email={email}
        />
        {accept.error && <Alert tone="error">{accept.error.message}</Alert>}
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t("form.yourName")}
          autoComplete="name"
          maxLength={NAME_MAX_LENGTH}
          value={name}
          error={problems.name}
          hint={t("form.nameHint")}
          onChange={(event) => setName(event.target.value)}
        />
        <NewPasswordFields
          passwordLabel={t("form.password")}
          confirmationLabel={t("form.confirmPassword")}
          password={password}
          confirmation={confirmation}
          problems={problems}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
        <div>
          <Button type="submit" variant="primary" disabled={accept.isPending}>
            {accept.isPending ? t("form.pending") : t("form.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** For the operator signed in to the invited address: one button, then the provider's page. */
export function JoinInvitationCard({
  token,
  email,
  role,
  providerId,
  providerName,
}: AcceptInvitationFormProps) {
  const t = useTranslations("invitations");
  const router = useRouter();
  const accept = useAcceptInvitation(token);
  if (accept.data) return <OutcomeNotice outcome={accept.data} />;
  return (
    <Card title={t("join.title")}>
      <div className="grid grid-cols-1 gap-3 py-3">
        <InvitationIntro
          message="join.intro"
          providerName={providerName}
          role={role}
          email={email}
        />
        {accept.error && <Alert tone="error">{accept.error.message}</Alert>}
        <div>
          <Button
            variant="primary"
            disabled={accept.isPending}
            onClick={() =>
              accept.mutate(null, {
                onSuccess: () => {
                  router.push(`/console/provider/${providerId}`);
                  router.refresh();
                },
              })
            }
          >
            {accept.isPending ? t("join.pending") : t("join.submit")}
          </Button>
        </div>
      </div>
    </Card>
  );
}
