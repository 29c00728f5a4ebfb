// Who may do what in a provider: the one table of roles and permissions (ADR 14). Pure, so the
// server's guard (lib/access/authorize.ts) and the console's buttons read the same rule.

/** A provider member's role, as in LINE's console, strongest first. */
export const PROVIDER_ROLES = ["admin", "member", "viewer"] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<ProviderRole, string>> = {
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** What a request does to a provider or one of its channels. */
export type Permission =
  /** See the provider, its channels' settings, statistics, deliveries and audit log. */
  | "read"
  /** Change a channel's webhook settings, verify its webhook URL, send test events. */
  | "configure"
  /** Rename and delete; reveal and reissue secrets and tokens; create channels; members. */
  | "manage";

const GRANTED: Readonly<Record<ProviderRole, readonly Permission[]>> = {
  admin: ["read", "configure", "manage"],
  member: ["read", "configure"],
  viewer: ["read"],
};

export function roleCan(role: ProviderRole, permission: Permission): boolean {
  return GRANTED[role].includes(permission);
}

export function isProviderRole(value: unknown): value is ProviderRole {
  return typeof value === "string" && (PROVIDER_ROLES as readonly string[]).includes(value);
}
