"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { currentTab } from "./current-tab";

export interface Tab {
  href: string;
  label: string;
}

/**
 * A row of links styled as tabs. The one for the current page is marked `aria-current="page"`;
 * on a page under a tab (a webhook's, under Deliveries), that tab is marked `aria-current="true"`
 * and looks the same. Too wide for the screen (a phone), the row scrolls sideways in one line,
 * with a shadow at the edge that has more tabs, and the current tab is scrolled into view.
 */
export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  const current = currentTab(
    usePathname(),
    tabs.map((tab) => tab.href),
  );
  const row = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const marked = row.current?.querySelector("[aria-current]");
    if (!row.current || !(marked instanceof HTMLElement)) return;
    // Scrolls the row only (scrollIntoView would scroll the page too).
    const left = marked.offsetLeft - row.current.offsetLeft;
    if (left + marked.offsetWidth > row.current.clientWidth) row.current.scrollLeft = left;
  });
  return (
    <nav aria-label={label} className="border-b border-line">
      <ul
        ref={row}
        className="scroll-shadows -mb-px flex gap-x-6 overflow-x-auto [--scroll-cover:var(--color-surface)]"
      >
        {tabs.map((tab) => {
          const marked = current?.href === tab.href ? current.as : null;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={
                  marked === "page" ? "page" : marked === "section" ? "true" : undefined
                }
                className={`inline-block border-b-2 pb-2 text-sm font-medium whitespace-nowrap ${
                  marked
                    ? "border-line-green text-ink"
                    : "border-transparent text-muted hover:text-ink"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
