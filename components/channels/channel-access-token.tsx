"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { type AccessTokenStatus, channelAccessTokenQuery } from "@/components/data/console-queries";
import {
  type IssuedAccessToken,
  useIssueAccessToken,
} from "@/components/data/use-issue-access-token";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, SettingRow } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** How long an earlier token may keep working after a reissue, offered as on LINE's console. */
const OLD_TOKEN_GRACE_MINUTES = [0, 60, 6 * 60, 24 * 60] as const;

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
  const t = useTranslations("channels.accessToken");
  const f = useConsoleFormat();
  const [oldTokenMinutes, setOldTokenMinutes] = useState(0);
  const graceId = useId();
  const issueToken = (oldTokenValidMinutes = 0) =>
    issue.mutate(oldTokenValidMinutes, {
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
    <Card title={t("title")}>
      <SettingRow label={t("label")} help={t("help")}>
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <span data-testid="access-token-status" className="text-sm">
              {status.issued && status.issuedAt
                ? t("issuedAt", { time: f.instant(status.issuedAt) })
                : t("notIssued")}
            </span>
            {canManage && (
              <Button
                variant={status.issued ? "secondary" : "primary"}
                disabled={issue.isPending}
                onClick={() => (status.issued ? setConfirming(true) : issueToken(0))}
              >
                {status.issued ? t("reissue") : t("issue")}
              </Button>
            )}
          </div>
          {status.oldTokensValidUntil && (
            <p data-testid="old-access-token" className="text-sm text-muted">
              {t("oldTokenUntil", { time: f.instant(status.oldTokensValidUntil) })}
            </p>
          )}
          {!canManage && <RoleNote note={ADMIN_ONLY.accessToken} />}
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
                  {copy === "copied" ? t("copied") : t("copy")}
                </Button>
              </div>
              <Alert tone="info">{t("shownOnce")}</Alert>
              {copy === "failed" && <Alert tone="error">{t("copyFailed")}</Alert>}
            </div>
          )}
          {issue.error && (
            <Alert tone="error">{t("issueFailed", { message: issue.error.message })}</Alert>
          )}
        </div>
      </SettingRow>
      <ConfirmDialog
        open={confirming}
        title={t("reissueTitle")}
        confirmLabel={t("reissue")}
        confirmVariant="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          issueToken(oldTokenMinutes);
        }}
      >
        <p>{t("reissueBody")}</p>
        <label htmlFor={graceId} className="mt-3 block text-sm font-medium">
          {t("oldTokenGrace")}
        </label>
        <select
          id={graceId}
          value={oldTokenMinutes}
          onChange={(event) => setOldTokenMinutes(Number(event.target.value))}
          className="mt-1 rounded-md border border-line bg-white px-2 py-1.5 text-sm"
        >
          {OLD_TOKEN_GRACE_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t("oldTokenGraceOption", { hours: minutes / 60 })}
            </option>
          ))}
        </select>
      </ConfirmDialog>
    </Card>
  );
}
