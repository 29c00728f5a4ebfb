"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCreateProvider } from "@/components/data/use-create-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";

export function CreateProviderForm() {
  const [name, setName] = useState("");
  const router = useRouter();
  const create = useCreateProvider();
  const t = useTranslations("providers.createProvider");

  return (
    <Card title={t("title")}>
      <form
        className="flex flex-wrap items-start gap-3 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name },
            { onSuccess: (provider) => router.push(`/console/provider/${provider.id}`) },
          );
        }}
      >
        <TextField
          label={t("name")}
          className="min-w-64 flex-1"
          value={name}
          maxLength={100}
          required
          onChange={(event) => setName(event.target.value)}
          error={create.error?.message}
        />
        <Button type="submit" variant="primary" className="mt-6" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
    </Card>
  );
}
