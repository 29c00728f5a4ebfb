"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type AuditLog as AuditLogPage, auditLogQuery } from "@/components/data/audit-queries";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LoadOlder } from "@/components/ui/load-older";
import { Table, Td, Th } from "@/components/ui/table";
import {
  CHANNEL_TOKEN_ACTOR,
  PAUSE_RULE_ACTOR,
  REPLAY_RUNNER_ACTOR,
} from "@/lib/audit/audit-actions";
import { wordAuditEntry } from "@/lib/audit/audit-wording";
import type { AuditScope } from "./audit-paging";

/**
 * Who changed what, newest first, a page at a time ("Load older"). A provider's log includes its
 * channels' entries, so it shows which channel each concerns. Each change is worded in the
 * page's language from its action code and arguments (the API's `summary` is English).
 */
export function AuditLog({
  scope,
  initialPage,
}: {
  scope: AuditScope;
  /** The newest page, read by the server page, so the log shows without a loading step. */
  initialPage: AuditLogPage;
}) {
  const t = useTranslations("audit");
  // The console's own actors are named in the page's language; operators by their email.
  const systemActors: Record<string, string> = {
    [CHANNEL_TOKEN_ACTOR]: t("log.channelTokenActor"),
    [PAUSE_RULE_ACTOR]: t("log.pauseRuleActor"),
    [REPLAY_RUNNER_ACTOR]: t("log.replayActor"),
  };
  const actorName = (actor: string) => systemActors[actor] ?? actor;
  const words = useTranslations();
  const f = useConsoleFormat();
  const log = useInfiniteQuery({
    ...auditLogQuery(scope),
    initialData: { pages: [initialPage], pageParams: [null] },
    // A log is only useful when current: read it again whenever the tab is opened.
    staleTime: 0,
  });
  const entries = log.data.pages.flatMap((page) => page.entries);
  const showChannel = "providerId" in scope;

  return (
    <Card title={t("log.title")}>
      <div className="grid grid-cols-1 gap-3 py-3">
        {entries.length === 0 ? (
          <p className="text-sm text-muted">{t("log.empty")}</p>
        ) : (
          <Table label={t("log.tableLabel")} caption={t("log.caption")}>
            <thead>
              <tr>
                <Th>{t("log.columns.time")}</Th>
                <Th>{t("log.columns.actor")}</Th>
                {showChannel && <Th>{t("log.columns.channel")}</Th>}
                <Th>{t("log.columns.change")}</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    <time dateTime={entry.at}>{f.instant(entry.at)}</time>
                  </Td>
                  <Td className="break-all">{actorName(entry.actor)}</Td>
                  {showChannel && (
                    <Td className="font-mono text-xs">
                      {entry.channelId ?? (
                        <span className="font-sans text-muted">{t("log.provider")}</span>
                      )}
                    </Td>
                  )}
                  <Td className="min-w-48 break-words">
                    {wordAuditEntry(words, entry.action, entry.detail)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {log.error && (
          <Alert tone="error">{t("log.loadFailed", { message: log.error.message })}</Alert>
        )}
        <LoadOlder pages={log} />
      </div>
    </Card>
  );
}
