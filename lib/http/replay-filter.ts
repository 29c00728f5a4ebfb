import type { DeliveryFilters } from "../deliveries/list-deliveries";
import { deliveryFiltersInput } from "./page-input";
import { parseInput } from "./parse";

/**
 * A replay's filters, sent as the deliveries explorer's URL query string (`result=failed&…`):
 * read by the explorer's own schema, so a replay selects exactly what the explorer shows; a bad
 * one is a 400 naming the filter.
 */
export function parseReplayFilter(filter: string): DeliveryFilters {
  const query = filter.startsWith("?") ? filter.slice(1) : filter;
  return parseInput(deliveryFiltersInput, Object.fromEntries(new URLSearchParams(query)));
}
