"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCreateChannel } from "@/components/data/use-create-channel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";

export function CreateChannelForm({ providerId }: { providerId: string }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const router = useRouter();
  const create = useCreateChannel(providerId);
  const t = useTranslations("providers.createChannel");

  return (
    <Card title={t("title")}>
      <form
        className="grid grid-cols-1 gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name, description },
            { onSuccess: (channel) => router.push(`/console/channel/${channel.id}/messaging-api`) },
          );
        }}
      >
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
