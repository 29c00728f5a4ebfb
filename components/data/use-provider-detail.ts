"use client";

import { useQuery } from "@tanstack/react-query";
import type { ProviderDetail } from "@/lib/providers/provider-view";
import { providerQuery } from "./console-queries";

/**
 * The provider a tab's server page rendered, then kept current from providerQuery: a rename or a
 * new channel shows on every tab, as they all read the same cache entry.
 */
export function useProviderDetail(initialProvider: ProviderDetail): ProviderDetail {
  const { data } = useQuery({ ...providerQuery(initialProvider.id), initialData: initialProvider });
  return data;
}
