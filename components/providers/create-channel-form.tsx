"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCreateChannel } from "@/components/data/use-create-channel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { TextField } from "@/components/ui/text-field";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/shared/channel-kinds";

export function CreateChannelForm({ providerId }: { providerId: string }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<ChannelKind>("line");
  const router = useRouter();
  const create = useCreateChannel(providerId);
  const t = useTranslations("providers.createChannel");
  const kinds = useTranslations("providers.channels.kinds");
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
          <LabelledSelect
            label={t("kind")}
            value={kind}
            options={CHANNEL_KINDS.map((option) => ({ value: option, label: kinds(option) }))}
            describedBy={kindHintId}
            className="sm:w-80"
            onChange={setKind}
          />
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
