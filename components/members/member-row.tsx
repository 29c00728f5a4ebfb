"use client";

import { useState } from "react";
import type { MemberView } from "@/components/data/member-queries";
import { useChangeMemberRole } from "@/components/data/use-change-member-role";
import { useRemoveMember } from "@/components/data/use-remove-member";
import { RoleSelect } from "@/components/roles/role-select";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Td } from "@/components/ui/table";
import { type ProviderRole, ROLE_LABELS } from "@/lib/shared/provider-roles";

interface MemberRowProps {
  providerId: string;
  member: MemberView;
  /** The signed-in operator's own row: leaving or stepping down is confirmed first. */
  isSelf: boolean;
  canManage: boolean;
  /** After the operator changed their own role or left: their view of the provider changes. */
  onSelfChanged: (change: "role" | "removed") => void;
}

/** One member: email, name and role; for Admins, a role select and Remove. */
export function MemberRow({
  providerId,
  member,
  isSelf,
  canManage,
  onSelfChanged,
}: MemberRowProps) {
  const changeRole = useChangeMemberRole(providerId);
  const remove = useRemoveMember(providerId);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [confirmingOwnRole, setConfirmingOwnRole] = useState<ProviderRole | null>(null);
  const error = changeRole.error ?? remove.error;
  // While the change is on its way, the select shows the role asked for.
  const shownRole = changeRole.isPending ? changeRole.variables.role : member.role;

  const applyRole = (role: ProviderRole) => {
    remove.reset();
    changeRole.mutate(
      { userId: member.userId, role },
      { onSuccess: () => isSelf && onSelfChanged("role") },
    );
  };

  return (
    <tr data-testid="member-row">
      <Td className="break-all">
        {member.email}
        {isSelf && <span className="ml-1 text-xs text-muted">(you)</span>}
      </Td>
      <Td className="break-words">{member.name}</Td>
      <Td>
        {canManage ? (
          <RoleSelect
            aria-label={`Role of ${member.email}`}
            value={shownRole}
            disabled={changeRole.isPending}
            onChange={(role) =>
              isSelf && member.role === "admin" && role !== "admin"
                ? setConfirmingOwnRole(role)
                : applyRole(role)
            }
          />
        ) : (
          ROLE_LABELS[member.role]
        )}
        {error && (
          <p role="alert" className="mt-1 text-xs text-danger">
            {error.message}
          </p>
        )}
      </Td>
      {canManage && (
        <Td className="text-right">
          <Button
            aria-label={`Remove ${member.email}`}
            disabled={remove.isPending}
            onClick={() => {
              changeRole.reset();
              remove.reset();
              setConfirmingRemove(true);
            }}
          >
            Remove
          </Button>
          <ConfirmDialog
            open={confirmingRemove}
            title={isSelf ? "Leave this provider?" : `Remove ${member.email}?`}
            confirmLabel={isSelf ? "Leave" : "Remove"}
            confirmVariant="danger"
            onCancel={() => setConfirmingRemove(false)}
            onConfirm={() => {
              setConfirmingRemove(false);
              remove.mutate(member.userId, {
                onSuccess: () => isSelf && onSelfChanged("removed"),
              });
            }}
          >
            <p>
              {isSelf
                ? "You will no longer see this provider or its channels. An Admin can add you again."
                : `${member.email} will no longer see this provider or its channels. You can add them again later.`}
            </p>
          </ConfirmDialog>
          <ConfirmDialog
            open={confirmingOwnRole !== null}
            title="Give up your Admin role?"
            confirmLabel="Change my role"
            confirmVariant="danger"
            onCancel={() => setConfirmingOwnRole(null)}
            onConfirm={() => {
              if (confirmingOwnRole) applyRole(confirmingOwnRole);
              setConfirmingOwnRole(null);
            }}
          >
            <p>
              As {confirmingOwnRole ? ROLE_LABELS[confirmingOwnRole] : ""} you can no longer manage
              members, channels or secrets here. Only another Admin can make you Admin again.
            </p>
          </ConfirmDialog>
        </Td>
      )}
    </tr>
  );
}
