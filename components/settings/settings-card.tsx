import type { ReactNode } from "react";
import { RoleNote, type RoleNoteKey } from "@/components/roles/role-note";
import { Card, SettingRow } from "@/components/ui/card";

/**
 * The settings card of a provider or a channel. When the operator's role cannot change them,
 * `readOnlyNote` (one of role-note.tsx's notes, which RoleNote shows in the page's language) says
 * so first, before any row offers an Edit that is not there.
 */
export function SettingsCard({
  title,
  canEdit,
  readOnlyNote,
  children,
}: {
  title: string;
  canEdit: boolean;
  readOnlyNote: RoleNoteKey;
  children: ReactNode;
}) {
  return (
    <Card title={title}>
      {!canEdit && (
        <div className="pt-3">
          <RoleNote note={readOnlyNote} />
        </div>
      )}
      {children}
    </Card>
  );
}

/** A row with an ID, in the monospace ids are copied from. */
export function IdSetting({ label, id }: { label: string; id: string }) {
  return (
    <SettingRow label={label}>
      <span className="font-mono text-sm">{id}</span>
    </SettingRow>
  );
}
