// npm run check:links: every relative link, anchor and backticked repository path in the
// markdown, and every docs path named in code, must point at something that exists, so the docs
// fail the suite when a file moves instead of drifting quietly.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A broken reference, printed as `file:line: message`. */
export interface Finding {
  file: string;
  line: number;
  message: string;
}

/** What the checks need to know about the repository; tests pass an in-memory one. */
export interface RepoView {
  /** A file or folder, given relative to the repository root. */
  exists(repoPath: string): boolean;
  /** A file's text, or undefined when it is not a readable file. */
  read(repoPath: string): string | undefined;
}

/** One reference found in a file: its line and what it points at. */
export interface Reference {
  line: number;
  target: string;
}

const PATH_PREFIXES = [
  "lib/",
  "app/",
  "components/",
  "scripts/",
  "e2e/",
  "prisma/",
  "docs/",
  "public/",
];
const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js", ".sh", ".prisma", ".css"];
const PLACEHOLDER = /[{<*…\s]/;

/** GitHub's heading anchor: lowercase, punctuation dropped (not `-` or `_`), each space a `-`. */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

/** The text a heading renders to: code, emphasis and link syntax gone, as GitHub slugs it. */
function headingText(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+#+\s*$/, "");
}

/** Blanks fenced code blocks, keeping every newline so offsets still map to the same lines. */
function maskFences(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === null && marker) {
        fence = marker;
        return "";
      }
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return "";
      }
      return line;
    })
    .join("\n");
}

const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

function blank(text: string): string {
  return text.replace(/[^\n]/g, " ");
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Anchors a markdown file offers: one per heading (repeats get -1, -2, …) and HTML ids. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (slug: string) => {
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count ? `${slug}-${count}` : slug);
  };
  const lines = maskFences(markdown).split("\n");
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*)$/.exec(line)?.[1];
    const next = lines[i + 1] ?? "";
    if (atx !== undefined) add(githubSlug(headingText(atx)));
    else if (line.trim() && /^ {0,3}(=+|-+)\s*$/.test(next) && !line.includes("|")) {
      add(githubSlug(headingText(line)));
    }
    for (const match of line.matchAll(/<a\s[^>]*(?:name|id)="([^"]+)"/g)) {
      if (match[1]) anchors.add(match[1].toLowerCase());
    }
  });
  return anchors;
}

/** Targets of inline links, images and reference definitions outside code. */
export function markdownLinks(markdown: string): Reference[] {
  const text = maskFences(markdown).replace(CODE_SPAN, blank);
  const references: Reference[] = [];
  const inline =
    /!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  const definition = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
  for (const pattern of [inline, definition]) {
    for (const match of text.matchAll(pattern)) {
      const target = match[1]?.replace(/^<|>$/g, "");
      if (target) references.push({ line: lineAt(text, match.index), target });
    }
  }
  return references.sort((a, b) => a.line - b.line);
}

/** Code spans outside fences that name a repository path: a file with an extension or a folder. */
export function backtickedPaths(markdown: string): Reference[] {
  const text = maskFences(markdown);
  const references: Reference[] = [];
  for (const match of text.matchAll(CODE_SPAN)) {
    const token = match[2]?.trim() ?? "";
    if (PLACEHOLDER.test(token)) continue;
    if (!PATH_PREFIXES.some((prefix) => token.startsWith(prefix))) continue;
    const name = token.slice(token.lastIndexOf("/") + 1);
    if (name !== "" && !/.\.[A-Za-z0-9]+$/.test(name)) continue;
    references.push({ line: lineAt(text, match.index), target: token });
  }
  return references;
}

/** Paths starting with `docs/` anywhere in a code file: they live in comments and strings. */
export function docsPathsInCode(code: string): Reference[] {
  const references: Reference[] = [];
  code.split("\n").forEach((line, i) => {
    for (const match of line.matchAll(/(?<![\w./-])docs\/[\w./#-]*/g)) {
      references.push({ line: i + 1, target: match[0].replace(/[.#]+$/, "") });
    }
  });
  return references;
}

/** Where a link goes from `fromFile`, relative to the root; null when it leaves the repository. */
function resolveLink(fromFile: string, linkPath: string): string | null {
  const joined = linkPath.startsWith("/")
    ? path.posix.normalize(linkPath.slice(1))
    : path.posix.join(path.posix.dirname(fromFile), linkPath);
  const normal = path.posix.normalize(joined).replace(/\/$/, "");
  if (normal === ".." || normal.startsWith("../")) return null;
  return normal === "" ? "." : normal;
}

function safeDecode(uri: string): string {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
}

function checkTarget(
  file: string,
  line: number,
  target: string,
  resolved: string | null,
  anchor: string,
  repo: RepoView,
): Finding | null {
  if (resolved === null) return { file, line, message: `"${target}" leaves the repository` };
  if (!repo.exists(resolved)) return { file, line, message: `"${target}": no such file or folder` };
  if (!anchor || !resolved.endsWith(".md")) return null;
  const anchors = headingAnchors(repo.read(resolved) ?? "");
  if (anchors.has(safeDecode(anchor).toLowerCase())) return null;
  return { file, line, message: `"${target}": ${resolved} has no heading for #${anchor}` };
}

/** Broken links, anchors and backticked paths of one markdown file. */
export function checkMarkdown(file: string, markdown: string, repo: RepoView): Finding[] {
  const findings: Finding[] = [];
  // A bare #anchor points into this very file, which the repository view may not hold yet.
  const here: RepoView = { exists: () => true, read: () => markdown };
  for (const { line, target } of markdownLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
    const [withQuery = "", anchor = ""] = target.split("#", 2);
    const linkPath = safeDecode(withQuery.split("?")[0] ?? "");
    const finding = linkPath
      ? checkTarget(file, line, target, resolveLink(file, linkPath), anchor, repo)
      : checkTarget(file, line, target, file, anchor, here);
    if (finding) findings.push(finding);
  }
  for (const { line, target } of backtickedPaths(markdown)) {
    if (!repo.exists(target.replace(/\/$/, ""))) {
      findings.push({ file, line, message: `\`${target}\`: no such file or folder` });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** Broken `docs/` paths named in one code file. */
export function checkCode(file: string, code: string, repo: RepoView): Finding[] {
  return docsPathsInCode(code).flatMap(({ line, target }) => {
    const [repoPath = "", anchor = ""] = target.split("#", 2);
    const finding = checkTarget(file, line, target, resolveLink("", repoPath), anchor, repo);
    return finding ? [finding] : [];
  });
}

export function isCheckedCodeFile(file: string): boolean {
  if (file.startsWith("lib/db/generated/") || file.split("/").includes("node_modules")) {
    return false;
  }
  return CODE_EXTENSIONS.some((extension) => file.endsWith(extension));
}

function diskRepo(root: string): RepoView {
  return {
    exists: (repoPath) => existsSync(path.join(root, repoPath)),
    read: (repoPath) => {
      const full = path.join(root, repoPath);
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
    },
  };
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const repo = diskRepo(root);
  // Untracked files too, so a new document is checked before its first commit.
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  const files = [...new Set(listed.split("\n"))].filter(
    (file) => file && repo.read(file) !== undefined,
  );
  const markdown = files.filter((file) => file.endsWith(".md"));
  const code = files.filter(isCheckedCodeFile);
  const findings = [
    ...markdown.flatMap((file) => checkMarkdown(file, repo.read(file) ?? "", repo)),
    ...code.flatMap((file) => checkCode(file, repo.read(file) ?? "", repo)),
  ];
  for (const { file, line, message } of findings) console.error(`${file}:${line}: ${message}`);
  if (findings.length) {
    console.error(`doc links: ${findings.length} broken reference(s)`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `doc links: ${markdown.length} markdown and ${code.length} code files, every reference resolves`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
