"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type MemberList, membersQuery } from "@/components/data/member-queries";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { HeaderRow, Table } from "@/components/ui/table";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import { AddMemberForm } from "./add-member-form";
import { MemberRow } from "./member-row";
import { PendingInvitations } from "./pending-invitations";

/** The provider's Members tab: who may do what, and for Admins, adding, changing and removing. */
export function MembersPanel({
  providerId,
  role,
  currentUserId,
  initialMembers,
}: {
  providerId: string;
  role: ProviderRole;
  currentUserId: string;
  initialMembers: MemberList;
}) {
  const t = useTranslations("members");
  const router = useRouter();
  const list = useQuery({ ...membersQuery(providerId), initialData: initialMembers });
  const canManage = roleCan(role, "manage");
  const { members, invitations } = list.data;
  const admins = members.filter((member) => member.role === "admin").length;

  // The server pages know the operator's role: after changing their own, render them again;
  // after leaving, this provider is no longer theirs to see.
  const onSelfChanged = (change: "role" | "removed") => {
    if (change === "removed") router.push("/console");
    router.refresh();
  };

  return (
    <Card title={t("panel.title")}>
      <div className="grid grid-cols-1 gap-6 py-3">
        {!canManage && <RoleNote note={ADMIN_ONLY.members} />}
        {list.error && (
          <Alert tone="error">{t("panel.loadFailed", { message: list.error.message })}</Alert>
        )}
        <Table label={t("panel.tableLabel")}>
          <HeaderRow
            columns={[t("panel.columns.email"), t("panel.columns.name"), t("panel.columns.role")]}
            actions={canManage}
          />
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.userId}
                providerId={providerId}
                member={member}
                isSelf={member.userId === currentUserId}
                canManage={canManage}
                onlyAdmin={member.role === "admin" && admins === 1}
                onSelfChanged={onSelfChanged}
              />
            ))}
          </tbody>
        </Table>
        {canManage && <AddMemberForm providerId={providerId} />}
        <PendingInvitations
          providerId={providerId}
          invitations={invitations}
          canManage={canManage}
        />
      </div>
    </Card>
  );
}
