import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeliveriesExplorer } from "@/components/deliveries/deliveries-explorer";
import { db } from "@/lib/db/client";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { InvalidInputError } from "@/lib/errors";
import { loadChannel } from "@/lib/http/page-data";
import { listDeliveriesInput } from "@/lib/http/page-input";
import {
  DELIVERY_FILTER_PARAMS,
  deliveryFilterSearch,
  EXPLORER_PAGE_SIZE,
} from "@/lib/shared/delivery-filters";
import { roleCan } from "@/lib/shared/provider-roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.titles");
  return { title: t("deliveries") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ channelId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { channelId } = await params;
  // loadChannel checks the operator may read the channel before its attempts are read.
  const { channel, role } = await loadChannel(channelId);
  const given = await searchParams;
  // The filters only (a repeated parameter keeps its last value, as the API reads it).
  const filters = Object.fromEntries(
    DELIVERY_FILTER_PARAMS.map((name) => {
      const value = given[name];
      return [name, Array.isArray(value) ? value.at(-1) : value];
    }),
  );
  const parsed = listDeliveriesInput.safeParse({ ...filters, limit: String(EXPLORER_PAGE_SIZE) });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  const initialPage = parsed.success
    ? await listDeliveries(db(), channel.id, parsed.data).catch((error: unknown) => {
        // A range that ends before it starts: shown like the other problems.
        if (!(error instanceof InvalidInputError)) throw error;
        problems.push(error.message);
        return null;
      })
    : null;
  return (
    <DeliveriesExplorer
      channelId={channel.id}
      filters={filters}
      filterSearch={deliveryFilterSearch(filters)}
      initialPage={initialPage}
      problems={problems}
      pageSize={EXPLORER_PAGE_SIZE}
      canConfigure={roleCan(role, "configure")}
    />
  );
}
