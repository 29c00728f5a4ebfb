"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { UTC9_LABEL } from "@/lib/shared/utc9";
import { sessionsQuery } from "./account-queries";
import { authErrorCode } from "./auth-api";
import { SessionRow } from "./session-row";
import { useRevokeOtherSessions } from "./use-revoke-other-sessions";
import { useRevokeSession } from "./use-revoke-session";

/** Why the list could not be read, in the operator's terms. */
function listErrorMessage(error: Error) {
  // Better Auth lists sessions only for a session signed in within the last day (freshAge).
  if (authErrorCode(error) === "SESSION_NOT_FRESH") {
    return "Listing sessions needs a sign-in from the last 24 hours. Sign out and sign in again to see them.";
  }
  if (authErrorCode(error) === "UNAUTHORIZED") return "Your session has ended.";
  return `The sessions could not be loaded: ${error.message}`;
}

/** The operator's sessions, with this browser's marked; any other can be signed out from here. */
export function SessionList() {
  const sessions = useQuery(sessionsQuery());
  const revokeOne = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const mutationError = revokeOne.error ?? revokeOthers.error;
  const ended = authErrorCode(sessions.error ?? mutationError) === "UNAUTHORIZED";
  const othersCount =
    sessions.data?.sessions.filter((s) => s.id !== sessions.data.currentSessionId).length ?? 0;

  return (
    <Card
      title="Sessions"
      actions={
        // No confirmation: signing out is undone by signing in again, and when the operator
        // suspects someone else is signed in, one click should be enough.
        <Button
          variant="danger"
          disabled={revokeOthers.isPending || (sessions.isSuccess && othersCount === 0)}
          onClick={() => revokeOthers.mutate()}
        >
          {revokeOthers.isPending ? "Signing out…" : "Sign out other sessions"}
        </Button>
      }
    >
      <div className="grid gap-3 py-3">
        {revokeOthers.isSuccess && <Alert tone="success">Every other session is signed out.</Alert>}
        {mutationError && !ended && (
          <Alert tone="error">The session was not signed out: {mutationError.message}</Alert>
        )}
        {ended ? (
          <Alert tone="error">
            Your session has ended.{" "}
            <Link href="/sign-in?next=/account" className="underline">
              Sign in again
            </Link>
            .
          </Alert>
        ) : sessions.error ? (
          <Alert tone="error">{listErrorMessage(sessions.error)}</Alert>
        ) : !sessions.data ? (
          <p className="text-sm text-muted">Loading sessions…</p>
        ) : (
          <Table
            label="Sessions"
            caption={`Times in ${UTC9_LABEL}. A session in use is renewed once a day.`}
          >
            <thead>
              <tr>
                <Th>Signed in</Th>
                <Th>Last renewed</Th>
                <Th>Expires</Th>
                <Th>Browser</Th>
                <Th>IP address</Th>
                <Th>
                  <span className="sr-only">Status</span>
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
