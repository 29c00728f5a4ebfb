import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/data/query-provider";
import { ConsoleHeader } from "@/components/layout/console-header";
import "./globals.css";

// Every page is rendered for its request, the 404 page included: Next puts the request's
// Content-Security-Policy nonce (proxy.ts) on the scripts it renders, and a page prerendered at
// build time would carry none, so its scripts would not run.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Webhook Console", template: "%s | Webhook Console" },
  description: "Self-hosted LINE-style console for webhooks: delivery, error reasons, statistics.",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The request's language (lib/http/i18n-request.ts); client components get its messages from the
  // provider, which takes them, the locale and the time zone from the request configuration.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>
          <QueryProvider>
            <ConsoleHeader />
            <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
          </QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
