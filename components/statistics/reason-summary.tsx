"use client";

import { useTranslations } from "next-intl";
import { useConsoleFormat } from "@/components/i18n/use-console-format";
import type { FailureReason } from "@/lib/shared/failure-reasons";
import { explainReason } from "./failure-explanations";

/** "25%", or "<1%" for a count too small to round to a whole percent. */
export function sharePercent(count: number, total: number): string {
  if (total === 0 || count === 0) return "0%";
  const percent = Math.round((count / total) * 100);
  return percent === 0 ? "<1%" : `${percent}%`;
}

/** Errors per reason with their share; a reason is a toggle that filters the tables by it. */
export function ReasonSummary({
  reasons,
  counts,
  total,
  colors,
  selected,
  onSelect,
}: {
  reasons: readonly FailureReason[];
  counts: Readonly<Record<FailureReason, number>>;
  total: number;
  colors: Readonly<Record<FailureReason, string>>;
  selected?: FailureReason;
  onSelect: (reason: FailureReason | undefined) => void;
}) {
  const t = useTranslations("statistics");
  const f = useConsoleFormat();
  return (
    <ul
      aria-label={t("reasonSummary.label")}
      className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4"
    >
      {reasons.map((reason) => {
        const count = counts[reason] ?? 0;
        const share = sharePercent(count, total);
        const shownCount = f.count(count);
        const pressed = selected === reason;
        return (
          <li key={reason}>
            <button
              type="button"
              aria-pressed={pressed}
              // The name is the visible text, spaced as it reads: "could_not_connect 2 (40%)".
              aria-label={`${reason} ${shownCount} (${share})`}
              // What the reason means, then what pressing does: a tooltip; the details table below
              // says the same of each detail as text.
              title={`${explainReason(t, reason)}\n${
                pressed ? t("reasonSummary.showAll") : t("reasonSummary.showOnly", { reason })
              }`}
              onClick={() => onSelect(pressed ? undefined : reason)}
              className={`w-full rounded-md border px-3 py-2 text-left transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-line-green ${
                pressed
                  ? "border-line-green bg-line-green/5"
                  : "border-line bg-white hover:bg-surface"
              }`}
            >
              <span translate="no" className="flex items-center gap-2 font-mono text-xs">
                <span
                  aria-hidden
                  className="size-2.5 shrink-0 rounded-sm"
                  style={{ backgroundColor: colors[reason] }}
                />
                {reason}
              </span>{" "}
              <span className="mt-1 flex items-baseline gap-2">
                <span className="text-xl font-semibold">{shownCount}</span>{" "}
                <span className="text-xs text-muted">({share})</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
