"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import {
  parseStatisticsFilters,
  type StatisticsFilters,
  writeStatisticsFilters,
} from "./statistics-filters";

/**
 * The filters from the URL, and a setter that replaces the URL (no history entry per click).
 * Changing anything but the page goes back to page 1. The new filters show at once (optimistic)
 * rather than when the router has finished replacing the URL.
 */
export function useStatisticsFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fromUrl = useMemo(() => parseStatisticsFilters(searchParams), [searchParams]);
  const [filters, showFilters] = useOptimistic(fromUrl);
  const [, startTransition] = useTransition();

  const setFilters = useCallback(
    (patch: Partial<StatisticsFilters>) => {
      const next = { ...filters, page: 1, ...patch };
      const query = writeStatisticsFilters(searchParams, next).toString();
      startTransition(() => {
        showFilters(next);
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [filters, pathname, router, searchParams, showFilters],
  );

  return [filters, setFilters] as const;
}
