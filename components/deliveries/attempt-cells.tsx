import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DeliveryView } from "@/components/data/console-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { NO_VALUE } from "@/components/ui/no-value";
import { Td } from "@/components/ui/table";

/**
 * When the attempt was made (UTC+9), as a link to its webhook's detail: a real link, so it opens
 * by keyboard, in a new tab, or from a copied URL.
 */
export function AttemptTimeCell({
  channelId,
  delivery,
}: {
  channelId: string;
  delivery: DeliveryView;
}) {
  const t = useTranslations("deliveries.attempt");
  const time = useConsoleFormat().instant(delivery.attemptedAt);
  return (
    <Td className="whitespace-nowrap font-mono text-xs">
      <Link
        href={`/console/channel/${channelId}/deliveries/${delivery.webhookId}#attempt-${delivery.attemptNumber}`}
        aria-label={t("detailsLink", { attempt: String(delivery.attemptNumber), time })}
        className="underline"
      >
        <time dateTime={delivery.attemptedAt}>{time}</time>
      </Link>
    </Td>
  );
}

/**
 * The cells every list of attempts shows alike: LINE's detail (the underlying error on hover),
 * the HTTP status, the latency and which attempt it was.
 */
export function AttemptCells({ delivery }: { delivery: DeliveryView }) {
  const t = useTranslations("deliveries.attempt");
  return (
    <>
      {/* LINE's detail string, as LINE words it in every language. */}
      <Td translate="no" className="min-w-32" title={delivery.error ?? undefined}>
        {delivery.detail ?? NO_VALUE}
      </Td>
      <Td className="font-mono text-xs">{delivery.statusCode || NO_VALUE}</Td>
      <Td className="whitespace-nowrap font-mono text-xs">{delivery.latencyMs} ms</Td>
      <Td className="text-xs">
        {delivery.isRedelivery
          ? t("redeliveryNumber", { attempt: String(delivery.attemptNumber) })
          : delivery.attemptNumber}
      </Td>
    </>
  );
}
