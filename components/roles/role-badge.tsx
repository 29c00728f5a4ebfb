import { useTranslations } from "next-intl";
import type { ProviderRole } from "@/lib/shared/provider-roles";

const tones: Record<ProviderRole, string> = {
  admin: "border-line-green/40 bg-line-green/10 text-line-green-dark",
  member: "border-line bg-surface text-ink",
  viewer: "border-line bg-white text-muted",
};

/** The operator's role as a small pill; screen readers hear "Your role: Admin". */
export function RoleBadge({ role, testId }: { role: ProviderRole; testId?: string }) {
  const t = useTranslations("roles");
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[role]}`}
    >
      <span className="sr-only">{t("badge.yourRole")}</span>
      {t(`names.${role}`)}
    </span>
  );
}
