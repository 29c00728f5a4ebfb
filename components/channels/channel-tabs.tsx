"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { segment: "basics", label: "Basic settings" },
  { segment: "messaging-api", label: "Messaging API" },
  { segment: "statistics", label: "Statistics" },
];

export function ChannelTabs({ channelId }: { channelId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Channel settings" className="border-b border-line">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => {
          const href = `/console/channel/${channelId}/${tab.segment}`;
          const current = pathname === href;
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 pb-2 text-sm font-medium ${
                  current
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
