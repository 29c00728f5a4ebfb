import { describe, expect, it } from "vitest";
import {
  backtickedPaths,
  checkCode,
  checkMarkdown,
  githubSlug,
  headingAnchors,
  isCheckedCodeFile,
  markdownLinks,
  type RepoView,
} from "./check-doc-links.mjs";

// Spelt in two pieces: the checker reads this file too, and must not take the broken samples
// below for real references.
const DOCS = ["do", "cs"].join("");

const GUIDE = `# Guide

## Two commands

## Error statistics (UTC+9)

## Two commands
`;

/** An in-memory repository: files with their text, and folders. */
function repoOf(files: Record<string, string>, folders: string[] = []): RepoView {
  return {
    exists: (repoPath) => repoPath in files || folders.includes(repoPath),
    read: (repoPath) => files[repoPath],
  };
}

const repo = repoOf(
  {
    [`${DOCS}/guide.md`]: GUIDE,
    [`${DOCS}/adr/0001-real.md`]: "# 1. Real\n",
    "lib/db/client.ts": "",
  },
  [DOCS, `${DOCS}/adr`, "lib", "lib/db"],
);

describe("githubSlug", () => {
  it.each([
    ["Two commands", "two-commands"],
    ["Error statistics (UTC+9)", "error-statistics-utc9"],
    ["LINE-compatible API and webhook_redelivery", "line-compatible-api-and-webhook_redelivery"],
    ["What Node 20 reports", "what-node-20-reports"],
  ])("%j → %j", (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });
});

describe("headingAnchors", () => {
  it("numbers repeated headings and ignores fenced code", () => {
    const anchors = headingAnchors(`${GUIDE}\n\`\`\`sh\n# not a heading\n\`\`\`\n`);
    expect([...anchors]).toEqual([
      "guide",
      "two-commands",
      "error-statistics-utc9",
      "two-commands-1",
    ]);
  });

  it("reads headings through their inline code and links", () => {
    expect(headingAnchors("## The `npm test` [stages](x.md)\n")).toEqual(
      new Set(["the-npm-test-stages"]),
    );
  });
});

describe("markdownLinks and backtickedPaths", () => {
  const sample = [
    "See [ADR 1](adr/0001-real.md) and ![logo](/public/logo.svg 'title').",
    "`[not a link](x.md)` and `lib/db/client.ts`, `lib/**/*.test.ts`, `lib/{a,b}/`, `lib/db`",
    "```sh",
    "[fenced](nowhere.md) `lib/fenced.ts`",
    "```",
    "[ref]: ../README.md",
  ].join("\n");

  it("finds inline links, images and reference definitions outside code", () => {
    expect(markdownLinks(sample)).toEqual([
      { line: 1, target: "adr/0001-real.md" },
      { line: 1, target: "/public/logo.svg" },
      { line: 6, target: "../README.md" },
    ]);
  });

  it("keeps only backticked tokens that look like repository paths", () => {
    expect(backtickedPaths(sample)).toEqual([{ line: 2, target: "lib/db/client.ts" }]);
  });
});

describe("checkMarkdown", () => {
  const file = `${DOCS}/index.md`;

  it("accepts links, anchors and paths that resolve", () => {
    const markdown = [
      "[ADR 1](adr/0001-real.md), [guide](./guide.md#error-statistics-utc9),",
      "[again](guide.md#two-commands-1), [site](https://example.com/x.md), [top](#index)",
      "`lib/db/client.ts` and `lib/db/`",
      "# Index",
    ].join("\n");
    expect(checkMarkdown(file, markdown, repo)).toEqual([]);
  });

  it("reports a broken link, a broken anchor and a broken path, with their lines", () => {
    const markdown = [
      "[ADR 2](adr/0002-missing.md)",
      "[guide](guide.md#three-commands)",
      "`lib/db/moved.ts`",
      "[up](../../outside.md)",
    ].join("\n");
    expect(checkMarkdown(file, markdown, repo)).toEqual([
      { file, line: 1, message: `"adr/0002-missing.md": no such file or folder` },
      {
        file,
        line: 2,
        message: `"guide.md#three-commands": ${DOCS}/guide.md has no heading for #three-commands`,
      },
      { file, line: 3, message: "`lib/db/moved.ts`: no such file or folder" },
      { file, line: 4, message: `"../../outside.md" leaves the repository` },
    ]);
  });
});

describe("checkCode", () => {
  it("checks the docs paths named in comments and strings", () => {
    const code = [
      `// See ${DOCS}/adr/0001-real.md.`,
      `const link = "${DOCS}/adr/0002-migrations.md";`,
      `// Not a docs path: other/${DOCS}/x.md`,
    ].join("\n");
    expect(checkCode("lib/x.ts", code, repo)).toEqual([
      {
        file: "lib/x.ts",
        line: 2,
        message: `"${DOCS}/adr/0002-migrations.md": no such file or folder`,
      },
    ]);
  });

  it("checks code files but not generated ones", () => {
    expect(isCheckedCodeFile("lib/dispatch/dispatcher.ts")).toBe(true);
    expect(isCheckedCodeFile("scripts/test.sh")).toBe(true);
    expect(isCheckedCodeFile("lib/db/generated/sqlite/client.ts")).toBe(false);
    expect(isCheckedCodeFile("README.md")).toBe(false);
  });
});
