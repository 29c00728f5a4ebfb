// The deliveries explorer's vocabulary, shared by its query string and its page.

/** What became of an attempt, or of its webhook since. */
export const DELIVERY_RESULTS = ["success", "failed", "given_up", "pending_redelivery"] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];
