import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { WebhookDetail } from "@/lib/dispatch/get-webhook-detail";
import { isRedeliverable } from "@/lib/shared/redeliver-now";
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";
import { WebhookRedeliverAction } from "./webhook-redeliver-action";

type Attempt = WebhookDetail["attempts"][number];

/** Headers as a two-column table; `label` names it for screen readers and tests. */
function HeadersTable({ label, headers }: { label: string; headers: Record<string, string> }) {
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Value</Th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <Td className="whitespace-nowrap font-mono text-xs">{name}</Td>
            <Td className="break-all font-mono text-xs">{value}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A term and its value in a description list. */
function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-muted">{term}</dt>
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
  return value === null ? "—" : `${value} ms`;
}

function SignatureNote({ matches }: { matches: boolean | null }) {
  if (matches === null) {
    return (
      <Alert>No signature was kept for this request (sent before requests were stored).</Alert>
    );
  }
  return matches ? (
    <Alert tone="success">
      x-line-signature matches this body under the channel&apos;s current secret.
    </Alert>
  ) : (
    <Alert tone="error">
      x-line-signature does not match this body under the channel&apos;s current secret: the secret
      was reissued after this request was signed. The signature shown is the one sent.
    </Alert>
  );
}

function AttemptSection({ attempt }: { attempt: Attempt }) {
  const { timings } = attempt;
  const headingId = `attempt-${attempt.attemptNumber}-heading`;
  return (
    <section
      id={`attempt-${attempt.attemptNumber}`}
      aria-labelledby={headingId}
      className="grid gap-3 border-b border-line py-4 last:border-b-0"
    >
      <h3 id={headingId} className="font-semibold">
        Attempt {attempt.attemptNumber}
        {attempt.success ? (
          <span className="ml-2 font-medium text-line-green-dark">Success</span>
        ) : (
          <span className="ml-2 text-danger">Failed</span>
        )}
      </h3>
      <dl className="grid gap-3 sm:grid-cols-4">
        <Item term={`Time (${UTC9_LABEL})`}>
          <time dateTime={attempt.attemptedAt} className="font-mono text-xs">
            {formatUtc9(new Date(attempt.attemptedAt))}
          </time>
        </Item>
        <Item term="Redelivery">{attempt.isRedelivery ? "Yes" : "No"}</Item>
        <Item term="HTTP status">
          <span className="font-mono">{attempt.statusCode || "— (no answer)"}</span>
        </Item>
        <Item term="Protocol">{attempt.protocol ?? "—"}</Item>
        <Item term="Reason">
          <span className="font-mono text-xs">{attempt.reason ?? "—"}</span>
        </Item>
        <Item term="Detail">{attempt.detail ?? "—"}</Item>
        <Item term="Error">
          <span className="break-all font-mono text-xs">{attempt.error ?? "—"}</span>
        </Item>
        <Item term="URL">
          <span className="break-all font-mono text-xs">{attempt.url}</span>
        </Item>
        <Item term="x-line-signature sent">
          <span className="break-all font-mono text-xs">
            {attempt.requestHeaders?.["x-line-signature"] ?? "— (not kept)"}
          </span>
          {attempt.signatureMatchesCurrentSecret === false && (
            <span className="block text-xs text-danger">differs under the current secret</span>
          )}
        </Item>
      </dl>
      <Table label={`Timings of attempt ${attempt.attemptNumber}`}>
        <thead>
          <tr>
            <Th>DNS</Th>
            <Th>Connect</Th>
            <Th>TLS</Th>
            <Th>Response</Th>
            <Th>Total</Th>
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
      <p className="text-xs text-muted">
        — : not part of this attempt (a reused connection has no DNS, connect or TLS; plain http has
        no TLS; an IP address needs no DNS) or not recorded.
      </p>
      {attempt.responseHeaders ? (
        <div>
          <h4 className="mb-1 text-sm font-medium">Response headers</h4>
          <HeadersTable
            label={`Response headers of attempt ${attempt.attemptNumber}`}
            headers={attempt.responseHeaders}
          />
        </div>
      ) : (
        <p className="text-sm text-muted">No response headers: no answer arrived.</p>
      )}
      {attempt.responseExcerpt !== null && (
        <section aria-labelledby={`${headingId}-body`}>
          <h4 id={`${headingId}-body`} className="mb-1 text-sm font-medium">
            Response body
          </h4>
          <ScrollableBody>{attempt.responseExcerpt || "(empty)"}</ScrollableBody>
          {attempt.responseTruncated && (
            <p className="mt-1 text-xs text-muted">
              Truncated at 4 KB: only the first 4096 bytes of the body are stored.
            </p>
          )}
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
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href={`/console/channel/${channelId}/deliveries`} className="text-sm underline">
            ← Deliveries
          </Link>
          <h2 className="mt-1 text-lg font-semibold">
            Webhook <span className="font-mono text-base">{webhook.id}</span>
          </h2>
          <p className="text-sm text-muted">
            Now {webhook.status} · {webhook.attemptCount} attempt
            {webhook.attemptCount === 1 ? "" : "s"} · {webhook.eventCount} event
            {webhook.eventCount === 1 ? "" : "s"} · created{" "}
            <time dateTime={webhook.createdAt}>{formatUtc9(new Date(webhook.createdAt))}</time>{" "}
            {UTC9_LABEL}
          </p>
        </div>
        <div className="flex items-center gap-2" data-testid="webhook-actions">
          {isRedeliverable(webhook.status) && (
            <WebhookRedeliverAction
              channelId={channelId}
              webhookId={webhook.id}
              canConfigure={canConfigure}
            />
          )}
        </div>
      </div>
      <Card title="Request">
        <div className="grid gap-3 py-3">
          <dl className="grid gap-3 sm:grid-cols-3">
            <Item term="URL">
              <span className="break-all font-mono text-xs">{request.url ?? "—"}</span>
            </Item>
            <Item term="Sent as">
              {request.isRedelivery ? "Redelivery" : "First send"}
              {attempts.length === 0 ? " (not sent yet)" : ""}
            </Item>
            <Item term="webhookEventIds">
              <span className="break-all font-mono text-xs">
                {webhook.webhookEventIds.join(", ")}
              </span>
            </Item>
          </dl>
          <SignatureNote matches={request.signatureMatchesCurrentSecret} />
          {request.headers && <HeadersTable label="Request headers" headers={request.headers} />}
          <section aria-labelledby="request-body-heading">
            <h3 id="request-body-heading" className="mb-1 text-sm font-medium">
              Request body
            </h3>
            <p className="mb-1 text-xs text-muted">
              {request.bodyBytes} bytes as sent (without the indentation shown here), rebuilt from
              the stored events.
            </p>
            <ScrollableBody>{request.body}</ScrollableBody>
          </section>
        </div>
      </Card>
      <Card title="Attempts">
        {attempts.length === 0 ? (
          <p className="py-3 text-sm text-muted">Not sent yet.</p>
        ) : (
          attempts.map((attempt) => <AttemptSection key={attempt.id} attempt={attempt} />)
        )}
      </Card>
    </div>
  );
}
