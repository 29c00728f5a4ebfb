"use client";

import type { InvitationView } from "@/components/data/member-queries";
import { useRevokeInvitation } from "@/components/data/use-revoke-invitation";
import { Button } from "@/components/ui/button";
import { HeaderRow, Table, Td } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/shared/provider-roles";
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";

function InvitationRow({
  providerId,
  invitation,
  canManage,
}: {
  providerId: string;
  invitation: InvitationView;
  canManage: boolean;
}) {
  const revoke = useRevokeInvitation(providerId);
  return (
    <tr data-testid="invitation-row">
      <Td className="break-all">{invitation.email}</Td>
      <Td>{ROLE_LABELS[invitation.role]}</Td>
      <Td className="break-all">{invitation.invitedBy}</Td>
      <Td className="whitespace-nowrap font-mono text-xs">
        <time dateTime={invitation.expiresAt}>{formatUtc9(new Date(invitation.expiresAt))}</time>
      </Td>
      {canManage && (
        <Td className="text-right">
          {/* No confirmation: a revoked invitation is undone by inviting again. */}
          <Button
            aria-label={`Revoke the invitation of ${invitation.email}`}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(invitation.id)}
          >
            {revoke.isPending ? "Revoking…" : "Revoke"}
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
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Pending invitations</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">No pending invitations.</p>
      ) : (
        <Table label="Pending invitations" caption={`Expiry times in ${UTC9_LABEL}.`}>
          <HeaderRow columns={["Email", "Role", "Invited by", "Expires"]} actions={canManage} />
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
