"use client";

import type { SelectHTMLAttributes } from "react";
import { PROVIDER_ROLES, type ProviderRole, ROLE_LABELS } from "@/lib/shared/provider-roles";

/** What each role may do, as the select's options say it. */
const ROLE_HINTS: Readonly<Record<ProviderRole, string>> = {
  admin: "everything, members included",
  member: "change webhook settings, send tests",
  viewer: "see only",
};

type RoleSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: ProviderRole;
  onChange: (role: ProviderRole) => void;
  /** Show what each role may do next to its name (in forms, not in table rows). */
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
  return (
    <select
      value={value}
      onChange={(event) => onChange(event.target.value as ProviderRole)}
      className={`rounded-md border border-line bg-white px-2 py-1.5 text-sm disabled:cursor-not-allowed disabled:text-muted ${className}`}
      {...props}
    >
      {PROVIDER_ROLES.map((role) => (
        <option key={role} value={role}>
          {withHints ? `${ROLE_LABELS[role]} (${ROLE_HINTS[role]})` : ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
