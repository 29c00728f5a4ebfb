import Link from "next/link";
import { useTranslations } from "next-intl";

export interface Crumb {
  label: string;
  href?: string;
}

/** `TOP > provider > channel`, as in LINE's console. The last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const t = useTranslations("pages.breadcrumb");
  const all: Crumb[] = [{ label: t("top"), href: "/console" }, ...items];
  return (
    <nav aria-label={t("label")} className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-1">
        {all.map((crumb, index) => {
          const last = index === all.length - 1;
          return (
            <li key={crumb.href ?? `current:${crumb.label}`} className="flex items-center gap-1">
              {index > 0 && <span aria-hidden>›</span>}
              {crumb.href && !last ? (
                <Link href={crumb.href} className="hover:text-ink hover:underline">
                  {crumb.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "text-ink" : ""}>
                  {crumb.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
