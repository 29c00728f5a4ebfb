"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { MemberView } from "@/components/data/member-queries";
import { useChangeMemberRole } from "@/components/data/use-change-member-role";
import { useRemoveMember } from "@/components/data/use-remove-member";
import { RoleSelect } from "@/components/roles/role-select";
import { useRoleLabel } from "@/components/roles/use-role-label";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Td } from "@/components/ui/table";
import type { ProviderRole } from "@/lib/shared/provider-roles";

interface MemberRowProps {
  providerId: string;
  member: MemberView;
  /** The signed-in operator's own row: leaving or stepping down is confirmed first. */
  isSelf: boolean;
  canManage: boolean;
  /**
   * The provider's only Admin: their role and membership stay (the server refuses to leave a
   * provider without an Admin), so both controls are off, and the row says why.
   */
  onlyAdmin: boolean;
  /** After the operator changed their own role or left: their view of the provider changes. */
  onSelfChanged: (change: "role" | "removed") => void;
}

/** One member: email, name and role; for Admins, a role select and Remove. */
export function MemberRow({
  providerId,
  member,
  isSelf,
  canManage,
  onlyAdmin,
  onSelfChanged,
}: MemberRowProps) {
  const whyLockedId = useId();
  const t = useTranslations("members");
  const roleLabel = useRoleLabel();
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
        {isSelf && <span className="ml-1 text-xs text-muted">{t("row.you")}</span>}
      </Td>
      <Td className="break-words">{member.name}</Td>
      <Td>
        {canManage ? (
          <RoleSelect
            aria-label={t("row.roleOf", { email: member.email })}
            value={shownRole}
            disabled={changeRole.isPending || onlyAdmin}
            aria-describedby={onlyAdmin ? whyLockedId : undefined}
            onChange={(role) =>
              isSelf && member.role === "admin" && role !== "admin"
                ? setConfirmingOwnRole(role)
                : applyRole(role)
            }
          />
        ) : (
          roleLabel(member.role)
        )}
        {canManage && onlyAdmin && (
          <p id={whyLockedId} className="mt-1 text-xs text-muted">
            {t("row.onlyAdmin")}
          </p>
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
            aria-label={t("row.removeLabel", { email: member.email })}
            disabled={remove.isPending || onlyAdmin}
            aria-describedby={onlyAdmin ? whyLockedId : undefined}
            onClick={() => {
              changeRole.reset();
              remove.reset();
              setConfirmingRemove(true);
            }}
          >
            {t("row.remove")}
          </Button>
          <ConfirmDialog
            open={confirmingRemove}
            title={isSelf ? t("row.leaveTitle") : t("row.removeTitle", { email: member.email })}
            confirmLabel={isSelf ? t("row.leave") : t("row.remove")}
            confirmVariant="danger"
            onCancel={() => setConfirmingRemove(false)}
            onConfirm={() => {
              setConfirmingRemove(false);
              remove.mutate(member.userId, {
                onSuccess: () => isSelf && onSelfChanged("removed"),
              });
            }}
          >
            <p>{isSelf ? t("row.leaveBody") : t("row.removeBody", { email: member.email })}</p>
          </ConfirmDialog>
          <ConfirmDialog
            open={confirmingOwnRole !== null}
            title={t("row.demoteTitle")}
            confirmLabel={t("row.demoteConfirm")}
            confirmVariant="danger"
            onCancel={() => setConfirmingOwnRole(null)}
            onConfirm={() => {
              if (confirmingOwnRole) applyRole(confirmingOwnRole);
              setConfirmingOwnRole(null);
            }}
          >
            <p>
              {t("row.demoteBody", { role: confirmingOwnRole ? roleLabel(confirmingOwnRole) : "" })}
            </p>
          </ConfirmDialog>
        </Td>
      )}
    </tr>
  );
}
