"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeleteProvider } from "@/components/data/use-delete-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TypedNameConfirmDialog } from "@/components/ui/typed-name-confirm-dialog";
import type { ProviderDetail } from "@/lib/providers/provider-view";

function channelsNote(count: number): string {
  if (count === 0) return "The provider has no channels.";
  return count === 1
    ? "Its channel stops receiving webhooks at once."
    : `Its ${count} channels stop receiving webhooks at once.`;
}

/** For Admins: deletes the provider once its name is typed, then shows the provider list. */
export function DeleteProvider({ provider }: { provider: ProviderDetail }) {
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  const remove = useDeleteProvider(provider.id);
  const channels = provider.channels.length;

  return (
    <Card title="Delete provider">
      <div className="flex flex-wrap items-center justify-between gap-3 py-4">
        <p className="text-sm text-muted">
          Deletes the provider with its channels and everything they hold: webhooks, delivery
          history, statistics, access tokens, members, invitations and the audit log.
        </p>
        <Button
          variant="danger"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          Delete provider
        </Button>
      </div>
      <TypedNameConfirmDialog
        open={confirming}
        title="Delete this provider?"
        name={provider.name}
        confirmLabel="Delete provider"
        pending={remove.isPending || remove.isSuccess}
        error={remove.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              router.push("/console");
              router.refresh();
            },
          })
        }
      >
        <p>
          {channelsNote(channels)} Members lose access, pending invitation links stop working, and
          the audit log is deleted too. This cannot be undone.
        </p>
      </TypedNameConfirmDialog>
    </Card>
  );
}
