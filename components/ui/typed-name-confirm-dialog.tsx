"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { Alert } from "./alert";
import { ConfirmDialog } from "./confirm-dialog";
import { TextField } from "./text-field";
import { typedNameMatches } from "./typed-name";

interface TypedNameConfirmDialogProps {
  open: boolean;
  title: string;
  /** The name the operator must type. */
  name: string;
  confirmLabel: string;
  pending: boolean;
  /** Why the last attempt failed; the dialog stays open to show it. */
  error: string | null;
  /** What is lost, above the field. */
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A destructive confirmation that enables its button only once the thing's name is typed
 * (components/ui/typed-name.ts): deleting cannot be undone, so it takes more than a click.
 */
export function TypedNameConfirmDialog({
  open,
  title,
  name,
  confirmLabel,
  pending,
  error,
  children,
  onConfirm,
  onCancel,
}: TypedNameConfirmDialogProps) {
  const t = useTranslations("ui");
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onCancel();
  };
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={pending ? t("typedNameConfirm.deleting") : confirmLabel}
      confirmVariant="danger"
      confirmDisabled={pending || !typedNameMatches(typed, name)}
      onCancel={close}
      onConfirm={onConfirm}
    >
      {children}
      <p>
        {t.rich("typedNameConfirm.instruction", {
          name,
          strong: (chunks) => <strong className="break-all text-ink">{chunks}</strong>,
        })}
      </p>
      <form
        onSubmit={(event) => {
          // Enter in the field confirms, under the same rule as the button.
          event.preventDefault();
          if (!pending && typedNameMatches(typed, name)) onConfirm();
        }}
      >
        <TextField
          label={t("typedNameConfirm.fieldLabel")}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
      {error && <Alert tone="error">{error}</Alert>}
    </ConfirmDialog>
  );
}
