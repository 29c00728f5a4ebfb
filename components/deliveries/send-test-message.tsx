"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSendTestMessage } from "@/components/data/use-send-test-message";
import { RoleNote, VIEWER_NOTE } from "@/components/roles/role-note";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";

/**
 * Sends a text message from the simulated user through the real dispatcher. Off for a Viewer:
 * sending events needs the "configure" permission.
 */
export function SendTestMessage({
  channelId,
  canConfigure,
}: {
  channelId: string;
  canConfigure: boolean;
}) {
  const [text, setText] = useState("Hello, bot!");
  const send = useSendTestMessage(channelId);
  const t = useTranslations("deliveries.sendTest");

  return (
    <Card title={t("title")}>
      {!canConfigure && (
        <div className="pt-3">
          <RoleNote note={VIEWER_NOTE} />
        </div>
      )}
      <form
        className="flex flex-wrap items-start gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({ text });
        }}
      >
        <TextField
          label={t("messageText")}
          className="min-w-64 flex-1"
          value={text}
          maxLength={5000}
          required
          disabled={!canConfigure}
          onChange={(event) => setText(event.target.value)}
          hint={t("hint")}
        />
        <Button
          type="submit"
          variant="primary"
          className="mt-6"
          disabled={!canConfigure || send.isPending}
        >
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </form>
      <div className="pb-4" aria-live="polite">
        {send.error && <Alert tone="error">{send.error.message}</Alert>}
        {send.data?.sent === false && <Alert>{send.data.message}</Alert>}
        {send.data && send.data.sent !== false && (
          <Alert tone="success">
            {t.rich("queued", {
              ids: send.data.webhookEventIds.join(", "),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </Alert>
        )}
      </div>
    </Card>
  );
}
