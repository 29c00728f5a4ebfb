"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { type AddMemberAnswer, useAddMember } from "@/components/data/use-add-member";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { RoleSelect } from "@/components/roles/role-select";
import { useRoleLabel } from "@/components/roles/use-role-label";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ProviderRole } from "@/lib/shared/provider-roles";
import { InviteLinkNotice } from "./invite-link-notice";

/**
 * For Admins: invites an email with a role. The link is mailed to it, or, when the console sends
 * no mail, shown once for the Admin to send.
 */
export function AddMemberForm({ providerId }: { providerId: string }) {
  const t = useTranslations("members");
  const roleLabel = useRoleLabel();
  const f = useConsoleFormat();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProviderRole>("member");
  const [answer, setAnswer] = useState<AddMemberAnswer | null>(null);
  const add = useAddMember(providerId);
  const roleId = useId();

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">{t("addMember.title")}</h3>
      <form
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setAnswer(null);
          add.mutate(
            { email, role },
            {
              onSuccess: (added) => {
                setAnswer(added);
                setEmail("");
              },
            },
          );
        }}
      >
        <TextField
          label={t("addMember.email")}
          type="email"
          autoComplete="off"
          className="min-w-64 flex-1"
          value={email}
          required
          maxLength={254}
          onChange={(event) => setEmail(event.target.value)}
          error={add.error?.message}
          hint={t("addMember.emailHint")}
        />
        {/* The options carry their hints: on a phone the select may not be as wide as they are. */}
        <div className="max-w-full">
          <label htmlFor={roleId} className="block text-sm font-medium">
            {t("addMember.role")}
          </label>
          <RoleSelect
            id={roleId}
            className="mt-1 max-w-full"
            value={role}
            withHints
            onChange={setRole}
          />
        </div>
        <Button type="submit" variant="primary" className="mt-6" disabled={add.isPending}>
          {add.isPending ? t("addMember.pending") : t("addMember.submit")}
        </Button>
      </form>
      {answer && answer.invitation.inviteUrl === null && (
        <Alert tone="success">
          {t("addMember.emailed", {
            email: answer.invitation.email,
            role: roleLabel(answer.invitation.role),
            until: f.instant(answer.invitation.expiresAt),
          })}
        </Alert>
      )}
      {answer?.invitation.inviteUrl && (
        <InviteLinkNotice
          invitation={answer.invitation}
          inviteUrl={answer.invitation.inviteUrl}
          onDone={() => setAnswer(null)}
        />
      )}
    </div>
  );
}
