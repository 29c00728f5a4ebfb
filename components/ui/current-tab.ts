/**
 * Which tab a path belongs to, and how: `page` for the tab whose page it is, `section` for the tab
 * whose pages it is under (a webhook's page under Deliveries), the longest such tab winning, so a
 * provider's Members page is not also under its Channels tab (`/console/provider/1`).
 */
export function currentTab(
  pathname: string,
  hrefs: readonly string[],
): { href: string; as: "page" | "section" } | null {
  if (hrefs.includes(pathname)) return { href: pathname, as: "page" };
  const containing = hrefs
    .filter((href) => pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return containing ? { href: containing, as: "section" } : null;
}
