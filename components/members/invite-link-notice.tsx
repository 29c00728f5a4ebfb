"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { AddMemberAnswer } from "@/components/data/use-add-member";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { useRoleLabel } from "@/components/roles/use-role-label";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describeExpiry } from "./invitation-expiry";

type Invitation = NonNullable<AddMemberAnswer["invitation"]>;

/**
 * The invitation link, shown this once: the server keeps only a hash of its token, so it cannot
 * show it again. Shown only when the console sends no email: the Admin passes the link on.
 */
export function InviteLinkNotice({
  invitation,
  inviteUrl,
  onDone,
}: {
  invitation: Invitation;
  inviteUrl: string;
  onDone: () => void;
}) {
  const t = useTranslations("members");
  const f = useConsoleFormat();
  const roleLabel = useRoleLabel();
  // Fixed when the notice appears, so the wording does not change while it is read.
  const [shownAt] = useState(() => new Date());
  const linkId = useId();
  return (
    <section
      aria-label={t("inviteLink.label")}
      className="space-y-3 rounded-md border border-line-green/30 bg-line-green/5 p-4 text-sm"
    >
      <p>
        {t.rich("inviteLink.intro", {
          email: invitation.email,
          role: roleLabel(invitation.role),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={linkId}>
          {t("inviteLink.label")}
        </label>
        <input
          id={linkId}
          data-testid={linkId}
          readOnly
          value={inviteUrl}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-line bg-white px-3 py-1.5 font-mono text-xs"
        />
        <CopyButton text={inviteUrl} label={t("inviteLink.copyLink")} />
      </div>
      <ul className="list-disc space-y-1 pl-5 text-muted">
        <li>{t("inviteLink.shownOnce")}</li>
        <li>
          {t("inviteLink.expires", {
            when: describeExpiry(invitation.expiresAt, shownAt, t, (value) => f.instant(value)),
          })}
        </li>
        <li>{t("inviteLink.noEmail")}</li>
      </ul>
      <Button onClick={onDone}>{t("inviteLink.done")}</Button>
    </section>
  );
}
