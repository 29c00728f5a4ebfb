"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { SettingRow } from "@/components/ui/card";
import { InlineTextEdit, type InlineTextEditProps } from "@/components/ui/inline-text-edit";

/** What a text setting needs of the react-query mutation that saves it. */
export interface SaveTextMutation<Input> {
  isPending: boolean;
  error: Error | null;
  reset: () => void;
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
}

type TextSettingProps<Input> = Omit<
  InlineTextEditProps,
  "saving" | "error" | "onStart" | "onSave"
> & {
  mutation: SaveTextMutation<Input>;
  /** The mutation's input for the typed value, `(name) => ({ name })` say. */
  toInput: (value: string) => Input;
  /** Said under the row's label: what the setting is for. */
  help?: ReactNode;
};

/**
 * A settings row edited in place, labelled like its field. The server renders what surrounds it
 * (the layout's heading and breadcrumb, the tab's initial data), so the page is refreshed once the
 * value is saved.
 */
export function TextSetting<Input>({ mutation, toInput, help, ...edit }: TextSettingProps<Input>) {
  const router = useRouter();
  return (
    <SettingRow label={edit.label} help={help}>
      <InlineTextEdit
        {...edit}
        saving={mutation.isPending}
        error={mutation.error?.message ?? null}
        onStart={mutation.reset}
        onSave={(value, close) =>
          mutation.mutate(toInput(value), {
            onSuccess: () => {
              close();
              router.refresh();
            },
          })
        }
      />
    </SettingRow>
  );
}
