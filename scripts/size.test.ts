import { describe, expect, it } from "vitest";
import { BUDGET_KB, budgetOf, firstLoadFiles } from "./size.mjs";

describe("first-load JavaScript of a route", () => {
  it("is the root scripts and every entry's chunks, each counted once", () => {
    const files = firstLoadFiles(["static/chunks/root.js", "static/chunks/runtime.js"], {
      entryJSFiles: {
        "[project]/app/layout": ["static/chunks/root.js", "static/chunks/layout.js"],
        "[project]/app/console/page": ["static/chunks/layout.js", "static/chunks/page.js"],
      },
    });
    expect(files).toEqual([
      "static/chunks/layout.js",
      "static/chunks/page.js",
      "static/chunks/root.js",
      "static/chunks/runtime.js",
    ]);
  });

  it("gives the Statistics page 250 kB and every other page 200 kB", () => {
    expect(budgetOf("/console/channel/[channelId]/statistics")).toBe(BUDGET_KB.statistics);
    expect(BUDGET_KB.statistics).toBe(250);
    for (const route of ["/console", "/console/channel/[channelId]/deliveries", "/sign-in"]) {
      expect(budgetOf(route)).toBe(200);
    }
  });
});
