"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { TextField } from "./text-field";
import { useInlineEditing } from "./use-inline-editing";

export interface InlineTextEditProps {
  /** The field's label; the Edit button is named after it ("Edit channel name"). */
  label: string;
  value: string;
  /** Shown instead of an empty value. */
  placeholder?: ReactNode;
  maxLength: number;
  required?: boolean;
  hint?: string;
  /** Without it the value is only shown. */
  canEdit: boolean;
  saving: boolean;
  error: string | null;
  /** Called with the typed value; call `close` once it is saved. */
  onSave: (value: string, close: () => void) => void;
  /** Called when editing starts, to clear the last attempt's error. */
  onStart?: () => void;
  testId?: string;
}

/** A value with an Edit button that turns it into a field with Save and Cancel. */
export function InlineTextEdit({
  label,
  value,
  placeholder,
  maxLength,
  required = false,
  hint,
  canEdit,
  saving,
  error,
  onSave,
  onStart,
  testId,
}: InlineTextEditProps) {
  const t = useTranslations("ui");
  const common = useTranslations("common");
  const locale = useLocale();
  const { editing, open, close, editButton, cancelOnEscape } = useInlineEditing();
  const [draft, setDraft] = useState(value);

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid={testId} className="min-w-0 break-words">
          {value || <span className="text-muted">{placeholder}</span>}
        </span>
        {canEdit && (
          <Button
            ref={editButton}
            // English lowercases the label inside the sentence ("Edit channel name").
            aria-label={t("inlineTextEdit.editLabel", {
              label: locale === "en" ? label.toLowerCase() : label,
            })}
            onClick={() => {
              setDraft(value);
              onStart?.();
              open();
            }}
          >
            {common("edit")}
          </Button>
        )}
      </div>
    );
  }

  return (
    <form
      className="space-y-2"
      onKeyDown={cancelOnEscape}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft, close);
      }}
    >
      <TextField
        label={label}
        value={draft}
        maxLength={maxLength}
        required={required}
        autoFocus
        error={error}
        hint={hint}
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? common("saving") : common("save")}
        </Button>
        <Button onClick={close}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
