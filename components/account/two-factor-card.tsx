"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/text-field";
import { authFetchJson, twoFactorRefusal } from "./auth-api";
import { PasswordField } from "./password-field";

type Step =
  | { kind: "idle" }
  /** Set up in the app, codes shown once; the first code turns it on. */
  | { kind: "confirm"; uri: string; recoveryCodes: string[] }
  /** New recovery codes, shown once. */
  | { kind: "new-codes"; recoveryCodes: string[] };

/** The setup key an app asks for when the otpauth link cannot be opened: its base32 secret. */
function setupKeyOf(uri: string): string {
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("account");
  const listId = useId();
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium" id={listId}>
        {t("twoFactor.recoveryCodes")}
      </p>
      <ul
        aria-labelledby={listId}
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-1 rounded-md border border-line bg-surface p-3 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <p className="text-sm text-muted">{t("twoFactor.recoveryCodesOnce")}</p>
      <CopyButton text={codes.join("\n")} label={t("twoFactor.copyCodes")} />
    </div>
  );
}

/**
 * Two-factor sign-in with an authenticator app (TOTP, Better Auth's two-factor plugin): turned on
 * with the password, then confirmed by a first code; turned off, or its recovery codes replaced,
 * with the password. `required`: TWO_FACTOR_REQUIRED asks it of this operator.
 */
export function TwoFactorCard({ enabled, required }: { enabled: boolean; required: boolean }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const call = async (run: () => Promise<void>) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await run();
    } catch (failure) {
      const reason = twoFactorRefusal(failure);
      setError(
        reason === "wrong-password"
          ? t("twoFactor.wrongPassword")
          : reason === "wrong-code" || reason === "reused-code"
            ? t("twoFactor.wrongCode")
            : failure instanceof Error
              ? failure.message
              : String(failure),
      );
    } finally {
      setPending(false);
    }
  };

  const passwordField = (
    <PasswordField
      purpose="current"
      label={t("twoFactor.password")}
      value={password}
      onChange={(event) => setPassword(event.target.value)}
    />
  );

  let body: React.ReactNode;
  if (step.kind === "confirm") {
    body = (
      <form
        className="grid grid-cols-1 max-w-md gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          void call(async () => {
            await authFetchJson("POST /two-factor/verify-totp", { code: code.trim() });
            setStep({ kind: "idle" });
            setCode("");
            setDone(t("twoFactor.turnedOn"));
            router.refresh();
          });
        }}
      >
        <p className="text-sm">{t("twoFactor.scan")}</p>
        <p className="text-sm">
          <a href={step.uri} className="font-medium underline">
            {t("twoFactor.openInApp")}
          </a>
        </p>
        <p className="text-sm">
          {t("twoFactor.setupKey")}{" "}
          <code data-testid="two-factor-setup-key" className="font-mono">
            {setupKeyOf(step.uri)}
          </code>
        </p>
        <RecoveryCodes codes={step.recoveryCodes} />
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t("twoFactor.code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {t("twoFactor.confirm")}
          </Button>
        </div>
      </form>
    );
  } else if (!enabled) {
    body = (
      <form
        className="grid grid-cols-1 max-w-sm gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          void call(async () => {
            const answer = await authFetchJson<{ totpURI: string; backupCodes: string[] }>(
              "POST /two-factor/enable",
              { password },
            );
            setPassword("");
            setStep({ kind: "confirm", uri: answer.totpURI, recoveryCodes: answer.backupCodes });
          });
        }}
      >
        <p className="text-sm">{t("twoFactor.offText")}</p>
        {error && <Alert tone="error">{error}</Alert>}
        {passwordField}
        <div>
          <Button type="submit" variant="primary" disabled={pending}>
            {t("twoFactor.turnOn")}
          </Button>
        </div>
      </form>
    );
  } else {
    body = (
      <div className="grid grid-cols-1 max-w-md gap-3 py-3">
        <p className="text-sm" data-testid="two-factor-status">
          {t("twoFactor.onText")}
        </p>
        {done && <Alert tone="success">{done}</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
        {step.kind === "new-codes" && <RecoveryCodes codes={step.recoveryCodes} />}
        {passwordField}
        <div className="flex flex-wrap gap-3">
          <Button
            disabled={pending}
            onClick={() =>
              call(async () => {
                const answer = await authFetchJson<{ backupCodes: string[] }>(
                  "POST /two-factor/generate-backup-codes",
                  { password },
                );
                setPassword("");
                setStep({ kind: "new-codes", recoveryCodes: answer.backupCodes });
              })
            }
          >
            {t("twoFactor.newCodes")}
          </Button>
          <Button
            variant="danger"
            disabled={pending || required}
            onClick={() =>
              call(async () => {
                await authFetchJson("POST /two-factor/disable", { password });
                setPassword("");
                setStep({ kind: "idle" });
                router.refresh();
              })
            }
          >
            {t("twoFactor.turnOff")}
          </Button>
        </div>
        {required && <p className="text-sm text-muted">{t("twoFactor.requiredKeepsOn")}</p>}
      </div>
    );
  }

  return (
    <Card title={t("twoFactor.title")}>
      <div id="two-factor">
        {required && !enabled && <Alert tone="error">{t("twoFactor.requiredNotice")}</Alert>}
        {body}
      </div>
    </Card>
  );
}
