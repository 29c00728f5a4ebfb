import { useTranslations } from "next-intl";
import { Button } from "./button";

/**
 * Looks of a button that is marked aria-disabled rather than disabled: like a disabled one, but
 * still focusable, so focus stays on it when it reaches the end.
 */
const SOFT_DISABLED =
  "aria-disabled:cursor-not-allowed aria-disabled:text-muted aria-disabled:hover:bg-white";

/**
 * Previous / Next with "Page X of Y"; pages count from 1. At either end the button there is
 * aria-disabled and ignores clicks instead of being disabled: a disabled button drops keyboard
 * focus, so paging with Enter to the last page would leave focus nowhere.
 */
export function Pagination({
  page,
  pageCount,
  onPage,
  label,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
  /** The navigation's name; "Pagination" (in the page's language) when not given. */
  label?: string;
}) {
  const t = useTranslations("ui");
  const atFirst = page <= 1;
  const atLast = page >= pageCount;
  return (
    <nav
      aria-label={label ?? t("pagination.label")}
      className="flex items-center justify-end gap-3 text-sm"
    >
      <Button
        aria-disabled={atFirst ? "true" : undefined}
        className={SOFT_DISABLED}
        onClick={() => {
          if (!atFirst) onPage(Math.min(page - 1, pageCount));
        }}
      >
        {t("pagination.previous")}
      </Button>
      <span aria-live="polite" className="text-muted">
        {t("pagination.pageOf", { page, pageCount })}
      </span>
      <Button
        aria-disabled={atLast ? "true" : undefined}
        className={SOFT_DISABLED}
        onClick={() => {
          if (!atLast) onPage(page + 1);
        }}
      >
        {t("pagination.next")}
      </Button>
    </nav>
  );
}
