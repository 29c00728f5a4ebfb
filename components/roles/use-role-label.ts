import { useTranslations } from "next-intl";
import type { ProviderRole } from "@/lib/shared/provider-roles";

/**
 * A role's name in the page's language: "Admin" or 管理者 (lib/shared's ROLE_LABELS stays the
 * API's English). For client components and non-async server components alike.
 */
export function useRoleLabel(): (role: ProviderRole) => string {
  const t = useTranslations("roles");
  return (role) => t(`names.${role}`);
}
