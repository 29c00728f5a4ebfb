"use client";

import { type SaveTextMutation, TextSetting } from "./text-setting";

/**
 * The name of a provider or a channel, renamed in place by Admins. Both follow one rule on the
 * server (lib/shared/name-input.ts: required, at most 100 characters once trimmed), checked there
 * again; that module brings zod, so the limit is repeated here rather than imported.
 */
export function NameSetting({
  label,
  name,
  canEdit,
  rename,
  testId,
}: {
  label: string;
  name: string;
  canEdit: boolean;
  rename: SaveTextMutation<{ name: string }>;
  testId: string;
}) {
  return (
    <TextSetting
      label={label}
      value={name}
      maxLength={100}
      required
      canEdit={canEdit}
      mutation={rename}
      toInput={(typed) => ({ name: typed })}
      testId={testId}
    />
  );
}
