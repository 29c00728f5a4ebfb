"use client";

import { useTranslations } from "next-intl";
import type { SelectHTMLAttributes } from "react";
import { PROVIDER_ROLES, type ProviderRole } from "@/lib/shared/provider-roles";

type RoleSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: ProviderRole;
  onChange: (role: ProviderRole) => void;
  /** Show what each role may do (roles.hints) next to its name (in forms, not in table rows). */
  withHints?: boolean;
};

/** A native select of the provider roles, strongest first; label it with aria-label or <label>. */
export function RoleSelect({
  value,
  onChange,
  withHints = false,
  className = "",
  ...props
}: RoleSelectProps) {
  const t = useTranslations("roles");
  return (
    <select
      value={value}
      onChange={(event) => onChange(event.target.value as ProviderRole)}
      className={`rounded-md border border-line bg-white px-2 py-1.5 text-sm disabled:cursor-not-allowed disabled:text-muted ${className}`}
      {...props}
    >
      {PROVIDER_ROLES.map((role) => (
        <option key={role} value={role}>
          {withHints
            ? t("optionWithHint", { role: t(`names.${role}`), hint: t(`hints.${role}`) })
            : t(`names.${role}`)}
        </option>
      ))}
    </select>
  );
}
