// npm run size: the JavaScript each page of the built console makes the browser load before it
// is interactive (its "first load"), gzip-compressed, per route, as one JSON line. It builds
// nothing: run `npm run build` first. Exits 1 when a page is over its budget (docs/benchmarks.md, Page weight).
//
// A page's first load is the app's root scripts (the build manifest's rootMainFiles) and the
// chunks of every client component its layouts and page render on the server (the entryJSFiles
// of the route's client reference manifest). Chunks loaded later, by next/dynamic or lazy
// imports, are not in it: that is the point of loading them later.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/** What `__RSC_MANIFEST[route]` holds that this script reads. */
export interface ClientReferenceManifest {
  entryJSFiles: Record<string, string[]>;
}

/** The first-load files of one route: the root scripts and its entries' chunks, each once. */
export function firstLoadFiles(
  rootMainFiles: readonly string[],
  manifest: ClientReferenceManifest,
): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])].sort();
}

/** The Statistics page may carry more, as long as its chart loads apart (issue 14). */
export const BUDGET_KB = { statistics: 250, other: 200 } as const;

export function budgetOf(route: string): number {
  return route.endsWith("/statistics") ? BUDGET_KB.statistics : BUDGET_KB.other;
}

/** Reads a `page_client-reference-manifest.js`: a script that assigns the manifest globally. */
function readManifest(file: string): Record<string, ClientReferenceManifest> {
  const sandbox: {
    globalThis?: unknown;
    __RSC_MANIFEST?: Record<string, ClientReferenceManifest>;
  } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST ?? {};
}

function manifestsBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifestsBelow(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10;

function main() {
  const build = path.resolve(process.argv[2] ?? ".next");
  const buildManifest = path.join(build, "build-manifest.json");
  if (!existsSync(buildManifest)) {
    console.error(`no build in ${build}: run npm run build first`);
    process.exit(2);
  }
  const { rootMainFiles } = JSON.parse(readFileSync(buildManifest, "utf8")) as {
    rootMainFiles: string[];
  };
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    const known = sizes.get(file);
    if (known) return known;
    const bytes = readFileSync(path.join(build, file));
    const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
    return size;
  };

  const routes: Record<string, { gzipKB: number; rawKB: number; budgetKB: number }> = {};
  for (const file of manifestsBelow(path.join(build, "server", "app"))) {
    for (const [key, manifest] of Object.entries(readManifest(file))) {
      const route = key.replace(/\/page$/, "") || "/";
      // Next's own error pages are not the console's.
      if (route.startsWith("/_")) continue;
      const files = firstLoadFiles(rootMainFiles, manifest).map(sizeOf);
      routes[route] = {
        gzipKB: kB(files.reduce((sum, size) => sum + size.gzip, 0)),
        rawKB: kB(files.reduce((sum, size) => sum + size.raw, 0)),
        budgetKB: budgetOf(route),
      };
    }
  }
  const sorted = Object.fromEntries(Object.entries(routes).sort(([a], [b]) => a.localeCompare(b)));
  const overBudget = Object.entries(sorted)
    .filter(([, size]) => size.gzipKB > size.budgetKB)
    .map(([route]) => route);
  const shared = firstLoadFiles(rootMainFiles, { entryJSFiles: {} }).map(sizeOf);
  console.log(
    JSON.stringify({
      build: path.relative(process.cwd(), build) || ".",
      gzipLevel: 9,
      sharedGzipKB: kB(shared.reduce((sum, size) => sum + size.gzip, 0)),
      routes: sorted,
      overBudget,
    }),
  );
  if (overBudget.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
