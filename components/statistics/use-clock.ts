import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The time a rolling period ("the last 24 hours") is shown from before its first answer arrives:
 * the server's render time while the page hydrates, so the period line the server wrote and the
 * one the browser renders first are the same text even when a minute turns in between (React
 * would report the difference as a hydration error); the browser's clock from then on.
 */
export function useClock(renderedAt: number): () => Date {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return () => (hydrated ? new Date() : new Date(renderedAt));
}
