import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EventIdList } from "@/components/deliveries/event-id-list";
import { webhookStateText } from "@/components/deliveries/webhook-state";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NO_VALUE } from "@/components/ui/no-value";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookDetail } from "@/lib/deliveries/get-webhook-detail";
import { canRedeliverNow } from "@/lib/shared/redeliver-now";
import { WebhookRedeliverAction } from "./webhook-redeliver-action";

type Attempt = WebhookDetail["attempts"][number];

/** Headers as a two-column table; `label` names it for screen readers and tests. */
function HeadersTable({ label, headers }: { label: string; headers: Record<string, string> }) {
  const t = useTranslations("deliveries.detail");
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>{t("headerName")}</Th>
          <Th>{t("headerValue")}</Th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <Td translate="no" className="whitespace-nowrap font-mono text-xs">
              {name}
            </Td>
            <Td translate="no" className="break-all font-mono text-xs">
              {value}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A term and its value in a description list; `code`: the term is a field's name, as LINE's. */
function Item({
  term,
  code = false,
  children,
}: {
  term: string;
  code?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <dt translate={code ? "no" : undefined} className="text-xs font-medium text-muted">
        {term}
      </dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** A body shown as sent, scrolling past 24rem, inside a section named by its heading. */
function ScrollableBody({ children }: { children: string }) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus so a keyboard can scroll it (WCAG 2.1.1).
      tabIndex={0}
      className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border border-line bg-surface p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-line-green-dark"
    >
      {children}
    </pre>
  );
}

function ms(value: number | null): string {
  return value === null ? NO_VALUE : `${value} ms`;
}

function SignatureNote({ matches, header }: { matches: boolean | null; header: string }) {
  const t = useTranslations("deliveries.detail.signature");
  if (matches === null) {
    return <Alert>{t("notKept")}</Alert>;
  }
  return matches ? (
    <Alert tone="success">{t("matches", { header })}</Alert>
  ) : (
    <Alert tone="error">{t("differs", { header })}</Alert>
  );
}

function AttemptSection({ attempt, header }: { attempt: Attempt; header: string }) {
  const { timings } = attempt;
  const headingId = `attempt-${attempt.attemptNumber}-heading`;
  const t = useTranslations("deliveries.detail.attempt");
  const outcome = useTranslations("deliveries.outcome");
  const f = useConsoleFormat();
  const number = String(attempt.attemptNumber);
  return (
    <section
      id={`attempt-${attempt.attemptNumber}`}
      aria-labelledby={headingId}
      className="grid grid-cols-1 gap-3 border-b border-line py-4 last:border-b-0"
    >
      <h3 id={headingId} className="font-semibold">
        {t("heading", { attempt: number })}
        {attempt.success ? (
          <span className="ml-2 font-medium text-line-green-dark">{outcome("success")}</span>
        ) : (
          <span className="ml-2 text-danger">{outcome("failed")}</span>
        )}
      </h3>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-4">
        <Item term={t("time")}>
          <time dateTime={attempt.attemptedAt} className="font-mono text-xs">
            {f.instant(attempt.attemptedAt)}
          </time>
        </Item>
        <Item term={t("redelivery")}>{attempt.isRedelivery ? t("yes") : t("no")}</Item>
        <Item term={t("httpStatus")}>
          <span className="font-mono">{attempt.statusCode || t("noAnswer")}</span>
        </Item>
        <Item term={t("protocol")}>{attempt.protocol ?? NO_VALUE}</Item>
        <Item term={t("reason")}>
          <span className="font-mono text-xs">{attempt.reason ?? NO_VALUE}</span>
        </Item>
        <Item term={t("detail")}>
          <span translate="no">{attempt.detail ?? NO_VALUE}</span>
        </Item>
        <Item term={t("error")}>
          <span className="break-all font-mono text-xs">{attempt.error ?? NO_VALUE}</span>
        </Item>
        <Item term="URL" code>
          <span className="break-all font-mono text-xs">{attempt.url}</span>
        </Item>
        <Item term={t("signatureSent", { header })}>
          <span className="break-all font-mono text-xs">
            {attempt.requestHeaders?.[header] ?? t("signatureNotKept")}
          </span>
          {attempt.signatureMatchesCurrentSecret === false && (
            <span className="block text-xs text-danger">{t("signatureDiffers")}</span>
          )}
        </Item>
      </dl>
      <Table label={t("timings", { attempt: number })}>
        <thead>
          <tr>
            <Th>DNS</Th>
            <Th>{t("connect")}</Th>
            <Th>TLS</Th>
            <Th>{t("response")}</Th>
            <Th>{t("total")}</Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <Td className="font-mono text-xs">{ms(timings.dnsMs)}</Td>
            <Td className="font-mono text-xs">{ms(timings.connectMs)}</Td>
            <Td className="font-mono text-xs">{ms(timings.tlsMs)}</Td>
            <Td className="font-mono text-xs">{ms(timings.responseMs)}</Td>
            <Td className="font-mono text-xs">{ms(attempt.latencyMs)}</Td>
          </tr>
        </tbody>
      </Table>
      <p className="text-xs text-muted">{t("timingsNote")}</p>
      {attempt.responseHeaders ? (
        <div>
          <h4 className="mb-1 text-sm font-medium">{t("responseHeaders")}</h4>
          <HeadersTable
            label={t("responseHeadersOf", { attempt: number })}
            headers={attempt.responseHeaders}
          />
        </div>
      ) : (
        <p className="text-sm text-muted">{t("noResponseHeaders")}</p>
      )}
      {attempt.responseExcerpt !== null && (
        <section aria-labelledby={`${headingId}-body`}>
          <h4 id={`${headingId}-body`} className="mb-1 text-sm font-medium">
            {t("responseBody")}
          </h4>
          <ScrollableBody>{attempt.responseExcerpt || t("emptyBody")}</ScrollableBody>
          {attempt.responseTruncated && <p className="mt-1 text-xs text-muted">{t("truncated")}</p>}
        </section>
      )}
    </section>
  );
}

/**
 * One webhook: the request as sent and every attempt. Rendered on the server from props; a failed
 * or given-up webhook offers Redeliver now in its header.
 */
export function WebhookDetailView({
  channelId,
  detail,
  canConfigure,
}: {
  channelId: string;
  detail: WebhookDetail;
  /** Whether the operator may redeliver (Members and Admins). */
  canConfigure: boolean;
}) {
  const { webhook, request, attempts } = detail;
  const t = useTranslations("deliveries.detail");
  const deliveriesText = useTranslations("deliveries");
  const f = useConsoleFormat();
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href={`/console/channel/${channelId}/deliveries`} className="text-sm underline">
            {t("back")}
          </Link>
          <h2 className="mt-1 text-lg font-semibold">
            {t.rich("heading", {
              id: webhook.id,
              mono: (chunks) => <span className="font-mono text-base">{chunks}</span>,
            })}
          </h2>
          <p className="text-sm text-muted">
            {t.rich("summary", {
              status: webhookStateText(deliveriesText, webhook),
              attempts: webhook.attemptCount,
              events: webhook.eventCount,
              created: f.instant(webhook.createdAt),
              time: (chunks) => <time dateTime={webhook.createdAt}>{chunks}</time>,
            })}
          </p>
        </div>
        <div className="flex items-center gap-2" data-testid="webhook-actions">
          {canRedeliverNow(webhook) && (
            <WebhookRedeliverAction
              channelId={channelId}
              webhookId={webhook.id}
              canConfigure={canConfigure}
            />
          )}
        </div>
      </div>
      <Card title={t("request")}>
        <div className="grid grid-cols-1 gap-3 py-3">
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <Item term="URL" code>
              <span className="break-all font-mono text-xs">{request.url ?? NO_VALUE}</span>
            </Item>
            <Item term={t("sentAs")}>
              {request.isRedelivery ? t("redelivery") : t("firstSend")}
              {attempts.length === 0 ? t("notSentYetSuffix") : ""}
            </Item>
            <Item term="webhookEventIds" code>
              <EventIdList ids={webhook.webhookEventIds} />
            </Item>
          </dl>
          <SignatureNote
            matches={request.signatureMatchesCurrentSecret}
            header={request.signatureHeader}
          />
          {request.headers && (
            <HeadersTable label={t("requestHeaders")} headers={request.headers} />
          )}
          <section aria-labelledby="request-body-heading">
            <h3 id="request-body-heading" className="mb-1 text-sm font-medium">
              {t("requestBody")}
            </h3>
            <p className="mb-1 text-xs text-muted">
              {t("bodyBytes", { bytes: String(request.bodyBytes) })}
            </p>
            <ScrollableBody>{request.body}</ScrollableBody>
          </section>
        </div>
      </Card>
      <Card title={t("attempts")}>
        {attempts.length === 0 ? (
          <p className="py-3 text-sm text-muted">{t("notSentYet")}</p>
        ) : (
          attempts.map((attempt) => (
            <AttemptSection key={attempt.id} attempt={attempt} header={request.signatureHeader} />
          ))
        )}
      </Card>
    </div>
  );
}
