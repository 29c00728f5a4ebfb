// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// The request's language and messages come from lib/http/i18n-request.ts (no locale in the URL). The
// message files are compiled at build time, so the browser is sent no ICU parser (ADR 21).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/http/i18n-request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Turbopack keeps its work in .next/cache so that the next build is quicker (a third of the
    // time here). A CI run builds a clean clone once and never reads it: writing it cost 14 of a
    // cold build's 98 CPU-seconds (2026-12-07), beside better-sqlite3's compile.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // Native and driver packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    // One copy with scripts/serve.mjs's, which times requests into the same registry.
    "prom-client",
  ],
};

module.exports = withNextIntl(nextConfig);
