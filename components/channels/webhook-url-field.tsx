"use client";

import { useState } from "react";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import {
  LOOPBACK_HOSTS_TEXT,
  MAX_WEBHOOK_URL_LENGTH,
  type WebhookUrlPolicy,
  webhookUrlProblem,
} from "@/lib/shared/webhook-url";
import { VerifyWebhook } from "./verify-webhook";

interface WebhookUrlFieldProps {
  channelId: string;
  webhookUrl: string | null;
  urlPolicy: WebhookUrlPolicy;
  /** Member or Admin: may edit and verify the URL; a Viewer only sees it. */
  canConfigure: boolean;
}

/** Shows the webhook URL; Edit opens a field validated here and again by the server. */
export function WebhookUrlField({
  channelId,
  webhookUrl,
  urlPolicy,
  canConfigure,
}: WebhookUrlFieldProps) {
  const { requireHttps } = urlPolicy;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useUpdateChannel(channelId, { optimistic: false });

  if (!editing || !canConfigure) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="webhook-url" className="min-w-0 break-all font-mono text-sm">
          {webhookUrl ?? <span className="font-sans text-muted">Not set</span>}
        </span>
        {/* Shown to a Viewer too, but off: the card's note says why. */}
        <Button
          disabled={!canConfigure}
          onClick={() => {
            setDraft(webhookUrl ?? "");
            setLocalError(null);
            save.reset();
            setEditing(true);
          }}
        >
          Edit
        </Button>
        {webhookUrl && <VerifyWebhook channelId={channelId} disabled={!canConfigure} />}
      </div>
    );
  }

  const submit = () => {
    const value = draft.trim();
    const problem = value === "" ? null : webhookUrlProblem(value, urlPolicy);
    if (problem) {
      setLocalError(`Webhook URL ${problem}`);
      return;
    }
    setLocalError(null);
    save.mutate(
      { webhookUrl: value === "" ? null : value },
      { onSuccess: () => setEditing(false) },
    );
  };

  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextField
        label="Webhook URL"
        type="url"
        inputMode="url"
        placeholder={
          requireHttps
            ? "https://example.com/webhook"
            : "https://example.com/webhook or http://localhost:8080/webhook"
        }
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        error={localError ?? save.error?.message}
        hint={
          requireHttps
            ? `https only, up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`
            : `https; plain http only for ${LOOPBACK_HOSTS_TEXT}. Up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`
        }
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Update"}
        </Button>
        <Button onClick={() => setEditing(false)}>Cancel</Button>
      </div>
    </form>
  );
}
