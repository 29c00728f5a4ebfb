"use client";

import { useId, useState } from "react";
import type { AddMemberAnswer } from "@/components/data/use-add-member";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ROLE_LABELS } from "@/lib/shared/provider-roles";
import { describeExpiry } from "./invitation-expiry";

type Invitation = NonNullable<AddMemberAnswer["invitation"]>;

/**
 * The invitation link, shown this once: the server keeps only a hash of its token, so it cannot
 * show it again. The console sends no email yet; the Admin passes the link on themselves.
 */
export function InviteLinkNotice({
  invitation,
  onDone,
}: {
  invitation: Invitation;
  onDone: () => void;
}) {
  // Fixed when the notice appears, so the wording does not change while it is read.
  const [shownAt] = useState(() => new Date());
  const linkId = useId();
  return (
    <section
      aria-label="Invitation link"
      className="space-y-3 rounded-md border border-line-green/30 bg-line-green/5 p-4 text-sm"
    >
      <p>
        <strong>{invitation.email}</strong> has no account yet, so they are invited as{" "}
        {ROLE_LABELS[invitation.role]}. Send them this link: with it they choose a name and a
        password and join the provider.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={linkId}>
          Invitation link
        </label>
        <input
          id={linkId}
          data-testid={linkId}
          readOnly
          value={invitation.inviteUrl}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-line bg-white px-3 py-1.5 font-mono text-xs"
        />
        <CopyButton text={invitation.inviteUrl} label="Copy link" />
      </div>
      <ul className="list-disc space-y-1 pl-5 text-muted">
        <li>This link is shown only now. If it is lost, revoke the invitation and invite again.</li>
        <li>It expires {describeExpiry(invitation.expiresAt, shownAt)}.</li>
        <li>The console does not send email yet: send the link yourself.</li>
      </ul>
      <Button onClick={onDone}>Done</Button>
    </section>
  );
}
