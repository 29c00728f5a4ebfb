"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useProviderDetail } from "@/components/data/use-provider-detail";
import { ADMIN_ONLY, RoleNote } from "@/components/roles/role-note";
import type { ProviderDetail } from "@/lib/providers/provider-view";
import { type ProviderRole, roleCan } from "@/lib/shared/provider-roles";
import { CreateChannelForm } from "./create-channel-form";

/** The provider's Channels tab: its channels as cards, and (for Admins) the create form. */
export function ProviderChannels({
  initialProvider,
  role,
}: {
  initialProvider: ProviderDetail;
  role: ProviderRole;
}) {
  const provider = useProviderDetail(initialProvider);
  const t = useTranslations("providers.channels");
  return (
    <div className="space-y-6">
      <h2 className="text-lg font-semibold">{t("heading")}</h2>
      {provider.channels.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">
          {t("empty")}
        </p>
      ) : (
        <ul aria-label={t("label")} className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {provider.channels.map((channel) => (
            <li key={channel.id}>
              <Link
                href={`/console/channel/${channel.id}/basics`}
                className="flex items-center gap-3 rounded-lg border border-line bg-white p-4 hover:border-line-green"
              >
                <span
                  aria-hidden
                  className="grid size-10 shrink-0 place-items-center rounded-full bg-line-green-dark font-bold text-white"
                >
                  {channel.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{channel.name}</span>
                  <span className="block text-xs text-muted">{t(`kinds.${channel.kind}`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {roleCan(role, "manage") ? (
        <CreateChannelForm providerId={provider.id} />
      ) : (
        <RoleNote note={ADMIN_ONLY.createChannel} />
      )}
    </div>
  );
}
