"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { type AuditLog as AuditLogPage, auditLogQuery } from "@/components/data/audit-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";
import type { AuditScope } from "./audit-paging";

/**
 * Who changed what, newest first, a page at a time ("Load older"). A provider's log includes its
 * channels' entries, so it shows which channel each concerns.
 */
export function AuditLog({
  scope,
  initialPage,
}: {
  scope: AuditScope;
  /** The newest page, read by the server page, so the log shows without a loading step. */
  initialPage: AuditLogPage;
}) {
  const log = useInfiniteQuery({
    ...auditLogQuery(scope),
    initialData: { pages: [initialPage], pageParams: [null] },
    // A log is only useful when current: read it again whenever the tab is opened.
    staleTime: 0,
  });
  const entries = log.data.pages.flatMap((page) => page.entries);
  const showChannel = "providerId" in scope;

  return (
    <Card title="Audit log">
      <div className="grid gap-3 py-3">
        {entries.length === 0 ? (
          <p className="text-sm text-muted">No changes recorded yet.</p>
        ) : (
          <Table label="Audit log" caption={`Newest first. Times in ${UTC9_LABEL}.`}>
            <thead>
              <tr>
                <Th>Time (UTC+9)</Th>
                <Th>Actor</Th>
                {showChannel && <Th>Channel</Th>}
                <Th>Change</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    <time dateTime={entry.at}>{formatUtc9(new Date(entry.at))}</time>
                  </Td>
                  <Td className="break-all">{entry.actor}</Td>
                  {showChannel && (
                    <Td className="font-mono text-xs">
                      {entry.channelId ?? <span className="font-sans text-muted">Provider</span>}
                    </Td>
                  )}
                  <Td className="break-words">{entry.summary}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {log.error && (
          <Alert tone="error">The audit log could not be loaded: {log.error.message}</Alert>
        )}
        <LoadOlder pages={log} />
      </div>
    </Card>
  );
}
