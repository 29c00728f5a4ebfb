import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

/** The provider's pages, as LINE's console splits them (its "Roles" tab is our Members). */
export function ProviderTabs({ providerId }: { providerId: string }) {
  const base = `/console/provider/${providerId}`;
  const t = useTranslations("providers.tabs");
  return (
    <TabNav
      label={t("label")}
      tabs={[
        { href: base, label: t("channels") },
        { href: `${base}/members`, label: t("members") },
        { href: `${base}/audit`, label: t("auditLog") },
        { href: `${base}/settings`, label: t("settings") },
      ]}
    />
  );
}
