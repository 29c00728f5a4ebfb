import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import {
  allowedMethods,
  matchRoute,
  ROUTE_HANDLERS,
  ROUTE_METHODS,
  type RouteMethod,
  repairPercentEncoding,
  routeAccess,
  routeMethods,
} from "./route-table";

const APP = path.resolve(__dirname, "../../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The route pattern of a route file: its folders, without route groups `(name)`. */
function patternOf(file: string): string {
  const folders = path.relative(APP, path.dirname(file)).split(path.sep);
  return `/${folders.filter((folder) => !/^\(.*\)$/.test(folder)).join("/")}`;
}

/** The HTTP methods a route file exports, in any of the forms TypeScript allows. */
function exportedMethods(source: string): RouteMethod[] {
  const names = new Set<string>();
  for (const [, name] of source.matchAll(
    /^export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b/gm,
  )) {
    names.add(name ?? "");
  }
  for (const [, list = ""] of source.matchAll(/^export\s+(?:(?:const|let)\s*)?\{([^}]*)\}/gm)) {
    for (const item of list.split(",")) {
      const name = item
        .split(/\s+as\s+|:/)
        .at(-1)
        ?.trim();
      if (name) names.add(name);
    }
  }
  return ROUTE_METHODS.filter((method) => names.has(method));
}

/**
 * Which endpoint each `export const M = route(x, …)` / `lineRoute(x, …)` of a route file serves:
 * `x` named through its imports from lib/http/endpoints/ (`* as ns` → `ns.name`, `{ a as b }`).
 */
async function servedEndpoints(source: string): Promise<Map<string, Endpoint | undefined>> {
  const names = new Map<string, Endpoint | undefined>();
  const area = async (file: string) =>
    (await import(`./endpoints/${file}.ts`)) as Record<string, unknown>;
  for (const [, namespace = "", file = ""] of source.matchAll(
    /^import \* as (\w+) from "@\/lib\/http\/endpoints\/([\w-]+)";/gm,
  )) {
    for (const [name, value] of Object.entries(await area(file))) {
      names.set(`${namespace}.${name}`, value as Endpoint);
    }
  }
  for (const [, list = "", file = ""] of source.matchAll(
    /^import \{([^}]*)\} from "@\/lib\/http\/endpoints\/([\w-]+)";/gm,
  )) {
    const module = await area(file);
    for (const item of list
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [imported = "", local = imported] = item.split(/\s+as\s+/);
      names.set(local, module[imported] as Endpoint | undefined);
    }
  }
  const served = new Map<string, Endpoint | undefined>();
  for (const [, method = "", name = ""] of source.matchAll(
    /^export const ([A-Z]+) = (?:route|lineRoute)\(\s*([\w.]+),/gm,
  )) {
    served.set(method, names.get(name));
  }
  return served;
}

describe("the route table", () => {
  const files = routeFiles(APP);

  it("is made of endpoints declared once each", () => {
    const keys = ENDPOINTS.map(({ method, path }) => `${method} ${path}`);
    expect(keys.length).toBeGreaterThan(40);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("loads every endpoint's query and body schemas", async () => {
    const schemas = ENDPOINTS.flatMap(({ query, body }) => [query, body]).filter(
      (load) => load !== undefined,
    );
    expect(schemas.length).toBeGreaterThan(15);
    for (const load of schemas) expect(typeof (await load()).safeParse).toBe("function");
  });

  it("serves each method a route file exports with the endpoint of that method and path", async () => {
    // Their own handlers: Better Auth's (behind its gate), and LINE's 404 for any other /v2 path.
    const ownHandlers = ["/api/auth/[...all]", "/v2/[...path]"];
    for (const file of files) {
      const pattern = patternOf(file);
      const source = readFileSync(file, "utf8");
      const served = await servedEndpoints(source);
      if (ownHandlers.includes(pattern)) {
        expect(served.size, pattern).toBe(0);
        continue;
      }
      expect([...served.keys()].sort(), pattern).toEqual([...exportedMethods(source)].sort());
      for (const [method, served_] of served) {
        expect(served_, `${method} ${pattern}: not an endpoint`).toBeDefined();
        expect(`${served_?.method} ${served_?.path}`).toBe(`${method} ${pattern}`);
      }
    }
  });

  it("lists every route file under app/, which exports exactly its endpoints' methods", () => {
    const actual = Object.fromEntries(
      files.map((file) => [patternOf(file), exportedMethods(readFileSync(file, "utf8"))]),
    );
    for (const [pattern, methods] of Object.entries(actual)) {
      expect(methods.length, `${pattern} exports no method this test recognises`).toBeGreaterThan(
        0,
      );
    }
    const sorted = (table: Record<string, readonly string[]>) =>
      Object.fromEntries(
        Object.entries(table)
          .map(([pattern, methods]) => [pattern, [...methods].sort()] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    const declared = Object.fromEntries(
      Object.keys(ROUTE_HANDLERS).map((pattern) => [pattern, routeMethods(pattern)]),
    );
    expect(sorted(declared)).toEqual(sorted(actual));
  });

  it("declares access that fits each route: a resource rule needs its id in the path", () => {
    const publicRoutes: string[] = [];
    for (const pattern of Object.keys(ROUTE_HANDLERS)) {
      for (const method of routeMethods(pattern)) {
        const access = routeAccess(pattern, method);
        if (access === "public" || access === "public-or-operator")
          publicRoutes.push(`${method} ${pattern}`);
        if (access === "line-token") expect(pattern).toMatch(/^\/v2\//);
        if (pattern.startsWith("/v2/")) expect(access).toBe("line-token");
        if (access && typeof access === "object" && "channel" in access) {
          expect(pattern).toMatch(/^\/api\/channels\/\[channelId\]/);
        }
        if (access && typeof access === "object" && "provider" in access) {
          expect(pattern).toMatch(/^\/api\/providers\/\[providerId\]/);
        }
      }
    }
    // Only signing in, health and accepting an invitation (its token is the credential) are open.
    expect(publicRoutes.sort()).toEqual([
      "GET /api/auth/[...all]",
      "GET /api/health",
      "GET /api/health/ready",
      "POST /api/auth/[...all]",
      "POST /api/invitations/accept",
    ]);
    expect(routeAccess("/api/channels/[channelId]", "HEAD")).toEqual({ channel: "read" });
  });

  it("recognises the export forms", () => {
    expect(
      exportedMethods(
        [
          "export const GET = route(async () => x);",
          "export async function POST() {}",
          "export const { PUT, PATCH: patch, DELETE } = handlers;",
          "export { handler as OPTIONS };",
          "export const dynamic = 'force-dynamic';",
          "const HEAD = 1;",
        ].join("\n"),
      ),
    ).toEqual(["GET", "OPTIONS", "POST", "PUT", "DELETE"]);
  });
});

describe("allowedMethods", () => {
  it("adds what Next implements itself: OPTIONS, and HEAD for GET, sorted", () => {
    expect(allowedMethods(["GET", "PATCH"])).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods(["POST"])).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods(["PUT", "GET", "HEAD"])).toEqual(["GET", "HEAD", "OPTIONS", "PUT"]);
  });
});

describe("matchRoute", () => {
  it.each([
    ["/api/providers", "/api/providers"],
    ["/api/providers/", "/api/providers"],
    ["/api/providers/1234567890", "/api/providers/[providerId]"],
    ["/api/providers/abc/channels", "/api/providers/[providerId]/channels"],
    ["/api/channels/%25ZZ/secret", "/api/channels/[channelId]/secret"],
    ["/api/channels/1/statistics/errors.tsv", "/api/channels/[channelId]/statistics/errors.tsv"],
    ["/api/channels/1/st%61tistics/errors", "/api/channels/[channelId]/statistics/errors"],
    ["/v2/bot/channel/webhook/endpoint", "/v2/bot/channel/webhook/endpoint"],
    ["/v2/bot/channel/webhook/other", "/v2/[...path]"],
    ["/v2/x", "/v2/[...path]"],
  ])("%s → %s", (pathname, pattern) => {
    expect(matchRoute(pathname)).toBe(pattern);
  });

  it.each([
    "/api",
    "/api/",
    "/api/nothing",
    "/api/providers/1/2",
    "/api/channels",
    "/api/channels//secret",
    "/api/channels/1/statistics",
    "/v2",
    "/console/channel/1",
  ])("%s → no route", (pathname) => {
    expect(matchRoute(pathname)).toBeNull();
  });
});

describe("repairPercentEncoding", () => {
  it.each([
    ["/api/channels/%ZZ", "/api/channels/%25ZZ"],
    ["/api/channels/%", "/api/channels/%25"],
    ["/api/channels/%C0%AE/secret", "/api/channels/%25C0%25AE/secret"],
    ["/console/provider/%E3%81", "/console/provider/%25E3%2581"],
    ["/console/channel/%ZZ/basics", "/console/channel/%25ZZ/basics"],
    ["/a/%41%ZZ/%41", "/a/%2541%25ZZ/%41"],
  ])("writes %s as %s, which decodes to the text sent", (pathname, repaired) => {
    expect(repairPercentEncoding(pathname)).toBe(repaired);
    const segments = (repaired.split("/") as string[]).map(decodeURIComponent);
    expect(segments.join("/")).toBe(
      pathname
        .split("/")
        .map((segment) => {
          try {
            return decodeURIComponent(segment);
          } catch {
            return segment;
          }
        })
        .join("/"),
    );
  });

  it.each(["/api/channels/1234567890", "/api/channels/%31%32", "/console/%E3%81%82", "/"])(
    "leaves %s alone",
    (pathname) => {
      expect(repairPercentEncoding(pathname)).toBeNull();
    },
  );
});
