"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type AccessTokenStatus, channelAccessTokenQuery } from "@/components/data/console-queries";
import {
  type IssuedAccessToken,
  useIssueAccessToken,
} from "@/components/data/use-issue-access-token";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, SettingRow } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";

/**
 * The long-lived channel access token: issue it, or reissue it (which revokes the old one). The
 * server keeps only a hash, so a new token is shown here once and never again. Issuing needs the
 * "manage" permission: others see whether a token is issued, and a note.
 */
export function ChannelAccessToken({
  channelId,
  initialStatus,
  canManage,
}: {
  channelId: string;
  initialStatus: AccessTokenStatus;
  canManage: boolean;
}) {
  const { data: status } = useQuery({
    ...channelAccessTokenQuery(channelId),
    initialData: initialStatus,
  });
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<IssuedAccessToken | null>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const issue = useIssueAccessToken(channelId);
  const issueToken = () =>
    issue.mutate(undefined, {
      onSuccess: (issued) => {
        setShown(issued);
        setCopy("idle");
      },
    });

  const copyToken = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  return (
    <Card title="Channel access token (long-lived)">
      <SettingRow
        label="Channel access token"
        help="Authorizes your bot server's calls to the Messaging API (Authorization: Bearer)."
      >
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <span data-testid="access-token-status" className="text-sm">
              {status.issued && status.issuedAt
                ? `Issued ${formatUtc9(new Date(status.issuedAt))} (${UTC9_LABEL})`
                : "Not issued"}
            </span>
            {canManage && (
              <Button
                variant={status.issued ? "secondary" : "primary"}
                disabled={issue.isPending}
                onClick={() => (status.issued ? setConfirming(true) : issueToken())}
              >
                {status.issued ? "Reissue" : "Issue"}
              </Button>
            )}
          </div>
          {!canManage && <RoleNote>{ADMIN_ONLY.accessToken}</RoleNote>}
          {shown && (
            <div className="space-y-2">
              <div className="flex flex-wrap items-center gap-2">
                <code
                  data-testid="channel-access-token"
                  className="break-all rounded bg-surface px-2 py-1 font-mono text-sm"
                >
                  {shown.accessToken}
                </code>
                <Button onClick={() => copyToken(shown.accessToken)}>
                  {copy === "copied" ? "Copied" : "Copy"}
                </Button>
              </div>
              <Alert tone="info">
                Copy this token now: it will not be shown again. Only a hash of it is stored.
              </Alert>
              {copy === "failed" && (
                <Alert tone="error">Could not copy; select the token and copy it by hand.</Alert>
              )}
            </div>
          )}
          {issue.error && (
            <Alert tone="error">Could not issue the token: {issue.error.message}</Alert>
          )}
        </div>
      </SettingRow>
      <ConfirmDialog
        open={confirming}
        title="Reissue the channel access token?"
        confirmLabel="Reissue"
        confirmVariant="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          issueToken();
        }}
      >
        <p>
          The current channel access token stops working at once. Calls your bot server makes with
          it will fail until you give it the new token.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
