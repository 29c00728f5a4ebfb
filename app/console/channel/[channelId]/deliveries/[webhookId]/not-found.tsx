import { WebhookNotFound } from "@/components/deliveries/webhook-not-found";

/** An unknown webhook of a channel the operator may read: the 404, inside the channel's tabs. */
export default function NotFound() {
  return <WebhookNotFound />;
}
