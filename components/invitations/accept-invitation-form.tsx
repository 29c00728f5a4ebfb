"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { type ProviderRole, ROLE_LABELS } from "@/lib/shared/provider-roles";
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

/** Where the outcome leaves the person when it is not straight into the console. */
function OutcomeNotice({ outcome }: { outcome: AcceptInvitationOutcome }) {
  const { accepted } = outcome;
  const signIn = signInPath(`/console/provider/${accepted.providerId}`);
  if (outcome.kind === "existing-account") {
    return (
      <Alert tone="success">
        You have joined as {ROLE_LABELS[accepted.role]}. {accepted.email} already had an account, so
        its password is unchanged: the one you typed here was not used.{" "}
        <Link href={signIn} className="font-medium underline">
          Sign in with your existing password
        </Link>
        .
      </Alert>
    );
  }
  if (outcome.kind === "sign-in-failed") {
    return (
      <Alert tone="error">
        Your account is ready and you have joined, but signing in did not work ({outcome.message}
        ).{" "}
        <Link href={signIn} className="font-medium underline">
          Sign in
        </Link>{" "}
        with {accepted.email} and the password you chose.
      </Alert>
    );
  }
  return <Alert tone="success">You have joined. Opening the provider…</Alert>;
}

/** The invited person's name and password; on success, signed in on the provider's page. */
export function AcceptInvitationForm({
  token,
  email,
  role,
  providerId,
  providerName,
}: AcceptInvitationFormProps) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  // Problems show only after a submit, so the fields do not complain while being typed in.
  const [checked, setChecked] = useState(false);
  const accept = useAcceptInvitation(token);
  const found = acceptInvitationProblems({ name, password, confirmation });
  const problems = checked ? found : {};
  const outcome = accept.data;

  if (outcome) return <OutcomeNotice outcome={outcome} />;

  return (
    <Card title="Join the provider">
      <form
        className="grid gap-3 py-3"
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
        <p className="text-sm">
          You are invited to <strong>{providerName}</strong> as{" "}
          <strong data-testid="invitation-role">{ROLE_LABELS[role]}</strong>. Choose your name and a
          password for <strong data-testid="invitation-email">{email}</strong>.
        </p>
        {accept.error && <Alert tone="error">{accept.error.message}</Alert>}
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label="Your name"
          autoComplete="name"
          maxLength={NAME_MAX_LENGTH}
          value={name}
          error={problems.name}
          hint="Shown to the provider's other members."
          onChange={(event) => setName(event.target.value)}
        />
        <NewPasswordFields
          passwordLabel="Password"
          confirmationLabel="Confirm password"
          password={password}
          confirmation={confirmation}
          problems={problems}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
        <div>
          <Button type="submit" variant="primary" disabled={accept.isPending}>
            {accept.isPending ? "Joining…" : "Accept invitation"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
