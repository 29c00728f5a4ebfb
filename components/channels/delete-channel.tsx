"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDeleteChannel } from "@/components/data/use-delete-channel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TypedNameConfirmDialog } from "@/components/ui/typed-name-confirm-dialog";
import type { ChannelView } from "@/lib/channels/channel-view";

/** For Admins: deletes the channel once its name is typed, then shows its provider. */
export function DeleteChannel({ channel }: { channel: ChannelView }) {
  const [confirming, setConfirming] = useState(false);
  const router = useRouter();
  const remove = useDeleteChannel(channel.id, channel.providerId);

  return (
    <Card title="Delete channel">
      <div className="flex flex-wrap items-center justify-between gap-3 py-4">
        <p className="text-sm text-muted">
          Deletes the channel with its webhooks, delivery history, statistics and access tokens. Its
          entries stay in the provider's audit log.
        </p>
        <Button
          variant="danger"
          onClick={() => {
            remove.reset();
            setConfirming(true);
          }}
        >
          Delete channel
        </Button>
      </div>
      <TypedNameConfirmDialog
        open={confirming}
        title="Delete this channel?"
        name={channel.name}
        confirmLabel="Delete channel"
        pending={remove.isPending || remove.isSuccess}
        error={remove.error?.message ?? null}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              router.push(`/console/provider/${channel.providerId}`);
              router.refresh();
            },
          })
        }
      >
        <p>
          Webhooks stop at once: nothing more is sent to this channel's webhook URL, and its access
          token stops working. This cannot be undone.
        </p>
      </TypedNameConfirmDialog>
    </Card>
  );
}
