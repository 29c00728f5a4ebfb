"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useUpdateChannel } from "@/components/data/use-update-channel";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useInlineEditing } from "@/components/ui/use-inline-editing";
import {
  MAX_WEBHOOK_URL_LENGTH,
  type WebhookUrlPolicy,
  webhookUrlRefusal,
} from "@/lib/shared/webhook-url";
import { VerifyWebhook } from "./verify-webhook";
import { webhookUrlRefusalText } from "./webhook-url-problem";

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
  const { editing, open, close, editButton, cancelOnEscape } = useInlineEditing();
  const [draft, setDraft] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useUpdateChannel(channelId, { optimistic: false });
  const t = useTranslations("channels.webhookUrl");
  const common = useTranslations("common");

  if (!editing || !canConfigure) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="webhook-url" className="min-w-0 break-all font-mono text-sm">
          {webhookUrl ?? <span className="font-sans text-muted">{t("notSet")}</span>}
        </span>
        {/* Shown to a Viewer too, but off: the card's note says why. */}
        <Button
          ref={editButton}
          disabled={!canConfigure}
          onClick={() => {
            setDraft(webhookUrl ?? "");
            setLocalError(null);
            save.reset();
            open();
          }}
        >
          {common("edit")}
        </Button>
        {webhookUrl && <VerifyWebhook channelId={channelId} disabled={!canConfigure} />}
      </div>
    );
  }

  const submit = () => {
    const value = draft.trim();
    const refusal = value === "" ? null : webhookUrlRefusal(value, urlPolicy);
    if (refusal) {
      setLocalError(webhookUrlRefusalText(t, refusal));
      return;
    }
    setLocalError(null);
    save.mutate({ webhookUrl: value === "" ? null : value }, { onSuccess: close });
  };

  return (
    <form
      noValidate
      className="space-y-2"
      onKeyDown={cancelOnEscape}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextField
        label="Webhook URL"
        type="url"
        inputMode="url"
        placeholder={requireHttps ? "https://example.com/webhook" : t("placeholderHttpAllowed")}
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        error={localError ?? save.error?.message}
        hint={
          requireHttps
            ? t("hintHttpsOnly", { max: String(MAX_WEBHOOK_URL_LENGTH) })
            : t("hintHttpAllowed", { max: String(MAX_WEBHOOK_URL_LENGTH) })
        }
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? common("saving") : t("update")}
        </Button>
        <Button onClick={close}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
