"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Translator } from "@/components/i18n/translator";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { sessionsQuery } from "./account-queries";
import { authErrorCode } from "./auth-api";
import { SessionRow } from "./session-row";
import { useRevokeOtherSessions } from "./use-revoke-other-sessions";
import { useRevokeSession } from "./use-revoke-session";

/** Why the list could not be read, in the operator's terms. */
function listErrorMessage(error: Error, t: Translator<"account">) {
  // Better Auth lists sessions only for a session signed in within the last day (freshAge).
  if (authErrorCode(error) === "SESSION_NOT_FRESH") {
    return t("sessions.notFresh");
  }
  if (authErrorCode(error) === "UNAUTHORIZED") return t("sessions.endedShort");
  return t("sessions.loadFailed", { message: error.message });
}

/** The operator's sessions, with this browser's marked; any other can be signed out from here. */
export function SessionList() {
  const t = useTranslations("account");
  const sessions = useQuery(sessionsQuery());
  const revokeOne = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const mutationError = revokeOne.error ?? revokeOthers.error;
  const ended = authErrorCode(sessions.error ?? mutationError) === "UNAUTHORIZED";
  const othersCount =
    sessions.data?.sessions.filter((s) => s.id !== sessions.data.currentSessionId).length ?? 0;

  return (
    <Card
      title={t("sessions.title")}
      actions={
        // No confirmation: signing out is undone by signing in again, and when the operator
        // suspects someone else is signed in, one click should be enough.
        <Button
          variant="danger"
          disabled={revokeOthers.isPending || (sessions.isSuccess && othersCount === 0)}
          onClick={() => revokeOthers.mutate()}
        >
          {revokeOthers.isPending ? t("sessions.signingOut") : t("sessions.signOutOthers")}
        </Button>
      }
    >
      <div className="grid grid-cols-1 gap-3 py-3">
        {revokeOthers.isSuccess && <Alert tone="success">{t("sessions.othersSignedOut")}</Alert>}
        {mutationError && !ended && (
          <Alert tone="error">
            {t("sessions.notSignedOut", { message: mutationError.message })}
          </Alert>
        )}
        {ended ? (
          <Alert tone="error">
            {t.rich("sessions.ended", {
              link: (chunks) => (
                <Link href="/sign-in?next=/account" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        ) : sessions.error ? (
          <Alert tone="error">{listErrorMessage(sessions.error, t)}</Alert>
        ) : !sessions.data ? (
          <p className="text-sm text-muted">{t("sessions.loading")}</p>
        ) : (
          <Table label={t("sessions.title")} caption={t("sessions.caption")}>
            <thead>
              <tr>
                <Th>{t("sessions.columns.signedIn")}</Th>
                <Th>{t("sessions.columns.lastRenewed")}</Th>
                <Th>{t("sessions.columns.expires")}</Th>
                <Th>{t("sessions.columns.browser")}</Th>
                <Th>{t("sessions.columns.ipAddress")}</Th>
                <Th>
                  <span className="sr-only">{t("sessions.columns.status")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.sessions.map((session) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  current={session.id === sessions.data.currentSessionId}
                  signingOut={revokeOne.isPending && revokeOne.variables === session.token}
                  onSignOut={() => revokeOne.mutate(session.token)}
                />
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
