import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/table";
import { formatUtc9 } from "@/lib/shared/utc9";
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
  return (
    <tr>
      <Td className="whitespace-nowrap tabular-nums">{formatUtc9(new Date(session.createdAt))}</Td>
      <Td className="whitespace-nowrap tabular-nums">{formatUtc9(new Date(session.updatedAt))}</Td>
      <Td className="whitespace-nowrap tabular-nums">{formatUtc9(new Date(session.expiresAt))}</Td>
      <Td title={session.userAgent ?? undefined}>{describeUserAgent(session.userAgent)}</Td>
      <Td className="font-mono text-xs">{session.ipAddress || "Unknown"}</Td>
      <Td className="text-right">
        {current ? (
          <span className="inline-block rounded-full bg-line-green/10 px-2 py-0.5 text-xs font-medium text-line-green-dark">
            This browser
          </span>
        ) : (
          <Button disabled={signingOut} onClick={onSignOut}>
            {signingOut ? "Signing out…" : "Sign out"}
          </Button>
        )}
      </Td>
    </tr>
  );
}
