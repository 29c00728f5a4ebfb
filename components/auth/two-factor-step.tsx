"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { authFetchJson, twoFactorRefusal } from "@/components/account/auth-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** A refused second factor, worded for the operator. */
function refusal(error: unknown, t: ReturnType<typeof useTranslations<"auth">>): string {
  switch (twoFactorRefusal(error)) {
    case "reused-code":
      return t("twoFactor.reused");
    case "start-again":
      return t("twoFactor.startAgain");
    case "too-many-attempts":
      return t("signIn.tooManyAttempts");
    default:
      return t("twoFactor.wrongCode");
  }
}

/**
 * The second step of signing in with two-factor sign-in on: the code the authenticator app shows,
 * or one of the recovery codes. On success, `onSignedIn`.
 */
export function TwoFactorStep({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useTranslations("auth");
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="grid grid-cols-1 gap-3 py-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        try {
          await authFetchJson(
            recovery ? "POST /two-factor/verify-backup-code" : "POST /two-factor/verify-totp",
            { code: code.trim() },
          );
          onSignedIn();
          return;
        } catch (failure) {
          setError(refusal(failure, t));
        }
        setPending(false);
      }}
    >
      <p className="text-sm">{recovery ? t("twoFactor.recoveryIntro") : t("twoFactor.intro")}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label={recovery ? t("twoFactor.recoveryCode") : t("twoFactor.code")}
        autoComplete="one-time-code"
        inputMode={recovery ? "text" : "numeric"}
        autoFocus
        required
        maxLength={recovery ? 20 : 6}
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? t("signIn.pending") : t("twoFactor.submit")}
        </Button>
        <button
          type="button"
          className="text-sm underline"
          onClick={() => {
            setRecovery(!recovery);
            setCode("");
            setError(null);
          }}
        >
          {recovery ? t("twoFactor.useApp") : t("twoFactor.useRecoveryCode")}
        </button>
      </div>
    </form>
  );
}
