"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { providersQuery } from "@/components/data/console-queries";
import { RoleBadge } from "@/components/roles/role-badge";
import type { ProviderSummary } from "@/lib/providers/provider-view";
import { CreateProviderForm } from "./create-provider-form";

export function ProviderList({ initialProviders }: { initialProviders: ProviderSummary[] }) {
  const { data: providers } = useQuery({ ...providersQuery(), initialData: initialProviders });
  const t = useTranslations("providers.list");
  return (
    <div className="space-y-6">
      {providers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-muted">
          {t("empty")}
        </p>
      ) : (
        <ul aria-label={t("label")} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {providers.map((provider) => (
            <li key={provider.id}>
              <Link
                href={`/console/provider/${provider.id}`}
                className="block rounded-lg border border-line bg-white p-4 hover:border-line-green"
              >
                <div className="flex items-start justify-between gap-2">
                  <span className="min-w-0 break-words font-semibold">{provider.name}</span>
                  <RoleBadge role={provider.role} testId="provider-role" />
                </div>
                <div className="mt-1 text-xs text-muted">
                  {t("summary", { id: provider.id, count: provider.channelCount })}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {/* Any operator may create a provider, and becomes its first Admin. */}
      <CreateProviderForm />
    </div>
  );
}
