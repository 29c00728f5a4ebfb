"use client";

import { useTranslations } from "next-intl";
import { useDeleteProvider } from "@/components/data/use-delete-provider";
import { DeleteCard } from "@/components/settings/delete-card";
import type { ProviderDetail } from "@/lib/providers/provider-view";

/** For Admins: deletes the provider once its name is typed, then shows the provider list. */
export function DeleteProvider({ provider }: { provider: ProviderDetail }) {
  const remove = useDeleteProvider(provider.id);
  const t = useTranslations("providers.delete");

  return (
    <DeleteCard
      label={t("label")}
      question={t("question")}
      name={provider.name}
      summary={t("summary")}
      remove={remove}
      leaveTo="/console"
    >
      {t("consequences", { count: provider.channels.length })}
    </DeleteCard>
  );
}
