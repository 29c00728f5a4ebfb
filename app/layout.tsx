import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/data/query-provider";
import { ConsoleHeader } from "@/components/layout/console-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Webhook Console", template: "%s | Webhook Console" },
  description: "Self-hosted LINE-style console for webhooks: delivery, error reasons, statistics.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <QueryProvider>
          <ConsoleHeader />
          <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
