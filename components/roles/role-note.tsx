import { useTranslations } from "next-intl";

// The short notes that say why a control is missing or off for the operator's role. The server
// refuses the request either way (lib/access/authorize.ts); these only save a futile click.
// The constants are keys of the "roles" messages (notes.*): <RoleNote note={ADMIN_ONLY.members} />
// shows one in the page's language.

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

/** A note beside controls the operator's role does not allow. */
export function RoleNote({ note }: { note: RoleNoteKey }) {
  const t = useTranslations("roles");
  return (
    <p data-testid="role-note" className="text-xs text-muted">
      {t(note)}
    </p>
  );
}
