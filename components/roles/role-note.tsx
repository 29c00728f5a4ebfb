import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// The short notes that say why a control is missing or off for the operator's role. The server
// refuses the request either way (lib/access/authorize.ts); these only save a futile click.
// The constants are keys of the "roles" messages (notes.*): <RoleNote> shows them in the page's
// language, so `<RoleNote>{ADMIN_ONLY.members}</RoleNote>` needs no translator of its own.

export const VIEWER_NOTE = "notes.viewer";

export const ADMIN_ONLY = {
  channelSecret: "notes.adminOnly.channelSecret",
  accessToken: "notes.adminOnly.accessToken",
  channelDetails: "notes.adminOnly.channelDetails",
  createChannel: "notes.adminOnly.createChannel",
  members: "notes.adminOnly.members",
  provider: "notes.adminOnly.provider",
} as const;

/** One of the role notes above. */
export type RoleNoteKey = typeof VIEWER_NOTE | (typeof ADMIN_ONLY)[keyof typeof ADMIN_ONLY];

const NOTE_KEYS: ReadonlySet<string> = new Set<RoleNoteKey>([
  VIEWER_NOTE,
  ...Object.values(ADMIN_ONLY),
]);

function isRoleNoteKey(value: unknown): value is RoleNoteKey {
  return typeof value === "string" && NOTE_KEYS.has(value);
}

/**
 * A note beside controls the operator's role does not allow: one of the notes above (by its
 * key, translated here), or any text already in the page's language.
 */
export function RoleNote({ children }: { children: RoleNoteKey | ReactNode }) {
  const t = useTranslations("roles");
  return (
    <p data-testid="role-note" className="text-xs text-muted">
      {isRoleNoteKey(children) ? t(children) : children}
    </p>
  );
}
