"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TypedNameConfirmDialog } from "@/components/ui/typed-name-confirm-dialog";

/** What the card needs of the react-query mutation that deletes. */
export interface DeleteMutation {
  isPending: boolean;
  isSuccess: boolean;
  error: Error | null;
  reset: () => void;
  mutate: (input: undefined, options: { onSuccess: () => void }) => void;
}

interface DeleteCardProps {
  /** Names the card, its button and the dialog's confirm button: "Delete channel". */
  label: string;
  /** The dialog's title: "Delete this channel?". */
  question: string;
  /** The name the operator types to confirm. */
  name: string;
  /** What deleting takes with it, beside the button. */
  summary: ReactNode;
  /** What stops at once, in the dialog above the typed name. */
  children: ReactNode;
  remove: DeleteMutation;
  /** Where to go once deleted: the page shown no longer exists. */
  leaveTo: string;
}

/** For Admins: deletes a provider or a channel once its name is typed. */
export function DeleteCard({
  label,
  question,
  name,
  summary,
  children,
  remove,
  leaveTo,
}: DeleteCardProps) {
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();

  return (
    <Card title={label}>
      <div className="flex flex-wrap items-center justify-between gap-3 py-4">
        <p className="text-sm text-muted">{summary}</p>
        <Button
          variant="danger"
          onClick={() => {
            // A dialog opened again starts without the last attempt's error.
            remove.reset();
            setConfirming(true);
          }}
        >
          {label}
        </Button>
      </div>
      <TypedNameConfirmDialog
        open={confirming}
        title={question}
        name={name}
        confirmLabel={label}
        // Still "Deleting…" after success, until the next page replaces this one.
        pending={remove.isPending || remove.isSuccess}
        error={remove.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              router.push(leaveTo);
              router.refresh();
            },
          })
        }
      >
        <p>{children}</p>
      </TypedNameConfirmDialog>
    </Card>
  );
}
