import { TabNav } from "@/components/ui/tab-nav";

/** The provider's pages, as LINE's console splits them (its "Roles" tab is our Members). */
export function ProviderTabs({ providerId }: { providerId: string }) {
  const base = `/console/provider/${providerId}`;
  return (
    <TabNav
      label="Provider"
      tabs={[
        { href: base, label: "Channels" },
        { href: `${base}/members`, label: "Members" },
        { href: `${base}/audit`, label: "Audit log" },
        { href: `${base}/settings`, label: "Settings" },
      ]}
    />
  );
}
