// Guards the layout the code relies on, so that it cannot drift silently:
// - no import cycle between the folders of lib/ (a folder is a capability; cycles tangle them);
// - lib/shared/ (code the browser runs too) imports nothing from the rest of lib/ or Node;
// - every module that reaches the database client is marked `import "server-only"`, so Next
//   refuses to build a client component that imports it;
// - lib/dev/ (code for tests, demos and benchmarks) is never imported by the product: lib/'s
//   other folders, app/, components/, proxy.ts and instrumentation.ts;
// - lib/http/ is the web adapter: no other folder of lib/ imports Next.js.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(__dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.m?tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

interface Import {
  target: string;
  typeOnly: boolean;
}

const IMPORT = /^(?:import|export)\s+(type\s+)?(?:([^;]*?)\s+from\s+)?"([^"]+)";/gms;

/** The lib/ files (or bare specifiers) a file imports, and whether only types are taken. */
function importsOf(file: string): Import[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(IMPORT)].map(([, typeKeyword, clause, specifier = ""]) => {
    const names = clause
      ?.match(/^\{([^}]*)\}$/s)?.[1]
      ?.split(",")
      .map((name) => name.trim());
    const typeOnly =
      typeKeyword !== undefined ||
      (names?.filter(Boolean).every((name) => name.startsWith("type ")) ?? false);
    if (!specifier.startsWith(".")) return { target: specifier, typeOnly };
    const base = path.resolve(path.dirname(file), specifier);
    const target = [".ts", ".tsx", ".mts", "/index.ts"]
      .map((extension) => base + extension)
      .find((candidate) => files.includes(candidate));
    return { target: target ?? base, typeOnly };
  });
}

const files = sourceFiles(LIB);
const imports = new Map(files.map((file) => [file, importsOf(file)]));
const folderOf = (file: string) => path.relative(LIB, file).split(path.sep)[0] ?? "";

describe("lib layering", () => {
  it("has no import cycle between folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, list] of imports) {
      for (const { target } of list) {
        if (!target.startsWith(LIB)) continue;
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      if (trail.includes(folder)) {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(" → "));
        return;
      }
      for (const next of edges.get(folder) ?? []) visit(next, [...trail, folder]);
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });

  it("keeps lib/shared free of server code", () => {
    const outside = [...imports]
      .filter(([file]) => folderOf(file) === "shared")
      .flatMap(([file, list]) =>
        list
          .filter(({ target }) =>
            target.startsWith(LIB) ? folderOf(target) !== "shared" : target !== "zod",
          )
          .map(({ target }) => `${path.relative(LIB, file)} imports ${target}`),
      );
    expect(outside).toEqual([]);
  });

  it("marks every module that reaches the database client as server-only", () => {
    const client = path.join(LIB, "db", "client.ts");
    const reaches = new Map<string, boolean>();
    const reachesClient = (file: string, trail: string[] = []): boolean => {
      if (file === client) return true;
      const known = reaches.get(file);
      if (known !== undefined) return known;
      if (trail.includes(file)) return false;
      const result = (imports.get(file) ?? []).some(
        ({ target, typeOnly }) =>
          (target === client || !typeOnly) && reachesClient(target, [...trail, file]),
      );
      reaches.set(file, result);
      return result;
    };
    const unmarked = files.filter(
      (file) =>
        reachesClient(file) &&
        !(imports.get(file) ?? []).some(({ target }) => target === "server-only"),
    );
    expect(unmarked.map((file) => path.relative(LIB, file))).toEqual([]);
    expect(reachesClient(path.join(LIB, "channels", "get-channel.ts"))).toBe(true);
  });

  it("keeps code for tests, demos and benchmarks (lib/dev) out of the product", () => {
    const dev = path.join(LIB, "dev");
    const product = [
      ...files.filter((file) => folderOf(file) !== "dev"),
      ...sourceFiles(path.join(ROOT, "app")),
      ...sourceFiles(path.join(ROOT, "components")),
      path.join(ROOT, "proxy.ts"),
      path.join(ROOT, "instrumentation.ts"),
    ];
    const intoDev = (file: string) =>
      specifiersOf(file)
        .map((specifier) => resolveSpecifier(file, specifier))
        .filter((target) => target?.startsWith(`${dev}${path.sep}`))
        .map(
          (target) => `${path.relative(ROOT, file)} imports ${path.relative(ROOT, target ?? "")}`,
        );
    expect(product.flatMap(intoDev)).toEqual([]);
    // The resolution sees such imports where they belong: npm run db:seed seeds the demo.
    expect(intoDev(path.join(ROOT, "scripts", "seed.mts"))).not.toEqual([]);
  });

  it("keeps Next.js in lib/http, the web adapter", () => {
    const next = [...imports]
      .filter(([file]) => folderOf(file) !== "http")
      .flatMap(([file, list]) =>
        list
          .filter(({ target }) => target === "next" || target.startsWith("next/"))
          .map(({ target }) => `${path.relative(LIB, file)} imports ${target}`),
      );
    expect(next).toEqual([]);
    expect(
      importsOf(path.join(LIB, "http", "page-data.ts")).some(({ target }) =>
        target.startsWith("next/"),
      ),
    ).toBe(true);
  });
});

const ROOT = path.resolve(LIB, "..");

/** Every module specifier a file names (static and dynamic imports, re-exports). */
function specifiersOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map(
    ([, specifier]) => specifier ?? "",
  );
}

/** The file a relative or "@/" specifier names, without its extension when it has none. */
function resolveSpecifier(file: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return undefined;
}
