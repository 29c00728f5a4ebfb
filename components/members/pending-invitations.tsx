"use client";

import { useTranslations } from "next-intl";
import type { InvitationView } from "@/components/data/member-queries";
import { useRevokeInvitation } from "@/components/data/use-revoke-invitation";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { useRoleLabel } from "@/components/roles/use-role-label";
import { Button } from "@/components/ui/button";
import { HeaderRow, Table, Td } from "@/components/ui/table";

function InvitationRow({
  providerId,
  invitation,
  canManage,
}: {
  providerId: string;
  invitation: InvitationView;
  canManage: boolean;
}) {
  const t = useTranslations("members");
  const f = useConsoleFormat();
  const roleLabel = useRoleLabel();
  const revoke = useRevokeInvitation(providerId);
  return (
    <tr data-testid="invitation-row">
      <Td className="break-all">{invitation.email}</Td>
      <Td>{roleLabel(invitation.role)}</Td>
      <Td className="break-all">{invitation.invitedBy}</Td>
      <Td className="whitespace-nowrap font-mono text-xs">
        <time dateTime={invitation.expiresAt}>{f.instant(invitation.expiresAt)}</time>
      </Td>
      {canManage && (
        <Td className="text-right">
          {/* No confirmation: a revoked invitation is undone by inviting again. */}
          <Button
            aria-label={t("pending.revokeLabel", { email: invitation.email })}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(invitation.id)}
          >
            {revoke.isPending ? t("pending.revoking") : t("pending.revoke")}
          </Button>
          {revoke.error && (
            <p role="alert" className="mt-1 text-xs text-danger">
              {revoke.error.message}
            </p>
          )}
        </Td>
      )}
    </tr>
  );
}

/** Invitations whose links still work; an Admin can revoke each. */
export function PendingInvitations({
  providerId,
  invitations,
  canManage,
}: {
  providerId: string;
  invitations: readonly InvitationView[];
  canManage: boolean;
}) {
  const t = useTranslations("members");
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">{t("pending.title")}</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">{t("pending.none")}</p>
      ) : (
        <Table label={t("pending.tableLabel")} caption={t("pending.caption")}>
          <HeaderRow
            columns={[
              t("pending.columns.email"),
              t("pending.columns.role"),
              t("pending.columns.invitedBy"),
              t("pending.columns.expires"),
            ]}
            actions={canManage}
          />
          <tbody>
            {invitations.map((invitation) => (
              <InvitationRow
                key={invitation.id}
                providerId={providerId}
                invitation={invitation}
                canManage={canManage}
              />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
