"use client";

import { useId, useState } from "react";
import { type AddMemberAnswer, useAddMember } from "@/components/data/use-add-member";
import { RoleSelect } from "@/components/roles/role-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { type ProviderRole, ROLE_LABELS } from "@/lib/shared/provider-roles";
import { InviteLinkNotice } from "./invite-link-notice";

/**
 * For Admins: adds an operator by email with a role. An email without an account is invited
 * instead, and the link to send is shown once.
 */
export function AddMemberForm({ providerId }: { providerId: string }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProviderRole>("member");
  const [answer, setAnswer] = useState<AddMemberAnswer | null>(null);
  const add = useAddMember(providerId);
  const roleId = useId();

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Add a member</h3>
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
          label="Email"
          type="email"
          autoComplete="off"
          className="min-w-64 flex-1"
          value={email}
          required
          maxLength={254}
          onChange={(event) => setEmail(event.target.value)}
          error={add.error?.message}
          hint="An email without an account gets an invitation link instead."
        />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium">
            Role
          </label>
          <RoleSelect id={roleId} className="mt-1" value={role} withHints onChange={setRole} />
        </div>
        <Button type="submit" variant="primary" className="mt-6" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add member"}
        </Button>
      </form>
      {answer?.member && (
        <Alert tone="success">
          {answer.member.email} is now a member, as {ROLE_LABELS[answer.member.role]}.
        </Alert>
      )}
      {answer?.invitation && (
        <InviteLinkNotice invitation={answer.invitation} onDone={() => setAnswer(null)} />
      )}
    </div>
  );
}
