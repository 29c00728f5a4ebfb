"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentTab } from "./current-tab";

export interface Tab {
  href: string;
  label: string;
}

/**
 * A row of links styled as tabs. The one for the current page is marked `aria-current="page"`;
 * on a page under a tab (a webhook's, under Deliveries), that tab is marked `aria-current="true"`
 * and looks the same.
 */
export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  const current = currentTab(
    usePathname(),
    tabs.map((tab) => tab.href),
  );
  return (
    <nav aria-label={label} className="border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-x-6">
        {tabs.map((tab) => {
          const marked = current?.href === tab.href ? current.as : null;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={
                  marked === "page" ? "page" : marked === "section" ? "true" : undefined
                }
                className={`inline-block border-b-2 pb-2 text-sm font-medium ${
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
