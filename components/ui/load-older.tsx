"use client";

import { useTranslations } from "next-intl";
import { Button } from "./button";

/** What LoadOlder needs of an infinite query (react-query's `useInfiniteQuery` result fits). */
interface OlderPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * "Load older" under a list read newest first, a page at a time (audit log, deliveries,
 * notifications); nothing once the oldest page is shown.
 */
export function LoadOlder({ pages }: { pages: OlderPages }) {
  const t = useTranslations("ui");
  const common = useTranslations("common");
  if (!pages.hasNextPage) return null;
  return (
    <div>
      <Button disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
        {pages.isFetchingNextPage ? common("loading") : t("loadOlder.loadOlder")}
      </Button>
    </div>
  );
}
