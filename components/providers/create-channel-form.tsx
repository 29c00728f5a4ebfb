"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCreateChannel } from "@/components/data/use-create-channel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/alerts/alert-types";

export function CreateChannelForm({ providerId }: { providerId: string }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<ChannelKind>("line");
  const router = useRouter();
  const create = useCreateChannel(providerId);
  const t = useTranslations("providers.createChannel");
  const kinds = useTranslations("providers.channels.kinds");
  const kindId = useId();
  const kindHintId = useId();

  return (
    <Card title={t("title")}>
      <form
        className="grid grid-cols-1 gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name, description, kind },
            { onSuccess: (channel) => router.push(`/console/channel/${channel.id}/messaging-api`) },
          );
        }}
      >
        <div className="space-y-1">
          <label htmlFor={kindId} className="block text-sm font-medium">
            {t("kind")}
          </label>
          <select
            id={kindId}
            aria-describedby={kindHintId}
            value={kind}
            onChange={(event) => setKind(event.target.value as ChannelKind)}
            className="block w-full rounded-md border border-line bg-white px-3 py-1.5 text-sm outline-none focus:ring-2 focus:ring-line-green/30 sm:w-80"
          >
            {CHANNEL_KINDS.map((option) => (
              <option key={option} value={option}>
                {kinds(option)}
              </option>
            ))}
          </select>
          <p id={kindHintId} className="text-xs text-muted">
            {t("kindHint")}
          </p>
        </div>
        <TextField
          label={t("name")}
          value={name}
          maxLength={100}
          required
          onChange={(event) => setName(event.target.value)}
          error={create.error?.message}
        />
        <TextField
          label={t("description")}
          value={description}
          maxLength={500}
          onChange={(event) => setDescription(event.target.value)}
          hint={t("optional")}
        />
        <div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
