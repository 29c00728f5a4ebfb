"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PasswordField } from "@/components/account/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { TwoFactorStep } from "./two-factor-step";

/**
 * Email and password, posted to Better Auth's sign-in endpoint; on success, the page the operator
 * was sent here from (`returnTo`, checked by the server page to be one of the console's).
 */
export function SignInForm({
  returnTo,
  demoEmail = null,
}: {
  returnTo: string;
  /** The demo operator `npm start` seeded: the page says where its password is. */
  demoEmail?: string | null;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The password was right and two-factor sign-in is on: the code comes next.
  const [codeNext, setCodeNext] = useState(false);
  const signedIn = () => {
    router.push(returnTo);
    router.refresh();
  };

  if (codeNext) {
    return (
      <Card title={t("twoFactor.title")}>
        <TwoFactorStep onSignedIn={signedIn} />
      </Card>
    );
  }

  return (
    <Card title={t("signIn.title")}>
      <form
        className="grid grid-cols-1 gap-3 py-3"
        onSubmit={async (event) => {
          event.preventDefault();
          setPending(true);
          setError(null);
          try {
            const response = await fetch("/api/auth/sign-in/email", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ email, password }),
            });
            if (response.ok) {
              const answer: unknown = await response.json().catch(() => null);
              if ((answer as { twoFactorRedirect?: unknown } | null)?.twoFactorRedirect === true) {
                setPassword("");
                setCodeNext(true);
              } else signedIn();
              return;
            }
            setError(
              response.status === 429 ? t("signIn.tooManyAttempts") : t("signIn.wrongCredentials"),
            );
          } catch {
            setError(t("signIn.noAnswer"));
          }
          setPending(false);
        }}
      >
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          value={email}
          required
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          purpose="current"
          label={t("signIn.password")}
          value={password}
          required
          onChange={(event) => setPassword(event.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? t("signIn.pending") : t("signIn.submit")}
          </Button>
        </div>
      </form>
      {demoEmail && (
        <p className="border-t border-line py-3 text-xs text-muted" data-testid="demo-sign-in-hint">
          {t.rich("signIn.demoHint", {
            email: demoEmail,
            strong: (chunks) => <strong className="break-all text-ink">{chunks}</strong>,
            code: (chunks) => <code className="font-mono break-all">{chunks}</code>,
          })}
        </p>
      )}
    </Card>
  );
}
