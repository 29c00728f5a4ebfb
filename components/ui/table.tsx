import { useTranslations } from "next-intl";
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { HorizontalScroll } from "@/components/ui/horizontal-scroll";

/**
 * A plain data table named by `label`; `caption` is a visible note above it. Wider than the screen,
 * it scrolls sideways in its own box (`HorizontalScroll`), never the page.
 */
export function Table({
  label,
  caption,
  children,
}: {
  label: string;
  caption?: ReactNode;
  children: ReactNode;
}) {
  return (
    <HorizontalScroll label={label}>
      <table aria-label={label} className="w-full text-left text-sm">
        {caption && <caption className="pb-2 text-left text-xs text-muted">{caption}</caption>}
        {children}
      </table>
    </HorizontalScroll>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`py-1.5 pr-3 text-xs font-medium whitespace-nowrap text-muted ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-t border-line py-1.5 pr-3 align-top ${className}`} {...props} />;
}

/**
 * A header row of plain column names. `actions` adds a last column for per-row buttons: it has no
 * visible heading, but screen readers still name it.
 */
export function HeaderRow({
  columns,
  actions = false,
}: {
  columns: readonly string[];
  actions?: boolean;
}) {
  const t = useTranslations("ui");
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <Th key={column}>{column}</Th>
        ))}
        {actions && (
          <Th>
            <span className="sr-only">{t("table.actions")}</span>
          </Th>
        )}
      </tr>
    </thead>
  );
}
