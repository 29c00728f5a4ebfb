import { useTranslations } from "next-intl";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import type { SessionView } from "./account-queries";
import { describeUserAgent } from "./describe-user-agent";

/** One session: when it began, was last renewed and ends, where from, and how to end it. */
export function SessionRow({
  session,
  current,
  signingOut,
  onSignOut,
}: {
  session: SessionView;
  current: boolean;
  signingOut: boolean;
  onSignOut: () => void;
}) {
  const t = useTranslations("account");
  const f = useConsoleFormat();
  return (
    <tr>
      <Td className="whitespace-nowrap tabular-nums">{f.instant(session.createdAt)}</Td>
      <Td className="whitespace-nowrap tabular-nums">{f.instant(session.updatedAt)}</Td>
      <Td className="whitespace-nowrap tabular-nums">{f.instant(session.expiresAt)}</Td>
      {/* Browser and system names, or a client's own product token: names, kept as they are. */}
      <Td translate="no" title={session.userAgent ?? undefined}>
        {describeUserAgent(session.userAgent, t)}
      </Td>
      <Td className="font-mono text-xs">{session.ipAddress || t("sessionRow.unknownAddress")}</Td>
      <Td className="text-right">
        {current ? (
          <span className="inline-block rounded-full bg-line-green/10 px-2 py-0.5 text-xs font-medium text-line-green-dark">
            {t("sessionRow.thisBrowser")}
          </span>
        ) : (
          <Button disabled={signingOut} onClick={onSignOut}>
            {signingOut ? t("sessionRow.signingOut") : t("sessionRow.signOut")}
          </Button>
        )}
      </Td>
    </tr>
  );
}
