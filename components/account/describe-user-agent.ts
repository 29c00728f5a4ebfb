// A User-Agent header is a long string of historical tokens ("Mozilla/5.0 (X11; Linux x86_64)
// AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"); an operator deciding
// which session to end needs "Chrome 131 on Linux". The full header stays available as a tooltip.
// Browser and system names are names in every language; only the words around them translate.
import type { Translator } from "@/components/i18n/translator";

// Order matters: Edge and Opera also say "Chrome/", and Chrome also says "Safari/".
const BROWSERS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "Edge", pattern: /\bEdg(?:e|A|iOS)?\/(\d+)/ },
  { name: "Opera", pattern: /\bOPR\/(\d+)/ },
  { name: "Samsung Internet", pattern: /\bSamsungBrowser\/(\d+)/ },
  { name: "Firefox", pattern: /\b(?:Firefox|FxiOS)\/(\d+)/ },
  { name: "Chrome", pattern: /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/ },
  { name: "Safari", pattern: /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\// },
];

// Android and ChromeOS also say "Linux"; iPhones say "like Mac OS X".
const SYSTEMS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "Windows", pattern: /\bWindows\b/ },
  { name: "Android", pattern: /\bAndroid\b/ },
  { name: "iOS", pattern: /\b(?:iPhone|iPad|iPod)\b/ },
  { name: "macOS", pattern: /\bMac OS X\b|\bMacintosh\b/ },
  { name: "ChromeOS", pattern: /\bCrOS\b/ },
  { name: "Linux", pattern: /\bLinux\b/ },
];

const LONGEST_UNKNOWN = 40;

/** "Chrome 131 on Linux"; a tool's own token ("curl 8.5.0") when it is no browser; "Unknown". */
export function describeUserAgent(
  userAgent: string | null | undefined,
  t: Translator<"account">,
): string {
  const text = userAgent?.trim() ?? "";
  if (!text) return t("userAgent.unknown");
  const system = SYSTEMS.find(({ pattern }) => pattern.test(text))?.name;
  for (const { name, pattern } of BROWSERS) {
    const version = pattern.exec(text)?.[1];
    if (version) {
      return system
        ? t("userAgent.browserOn", { browser: name, version, system })
        : `${name} ${version}`;
    }
  }
  // Not a browser (curl, a script): its first product token reads well as it is.
  const product = /^([A-Za-z][\w.-]*)\/(\S+)/.exec(text);
  if (product && product[1] !== "Mozilla") return `${product[1]} ${product[2]}`;
  if (system) return t("userAgent.unknownBrowserOn", { system });
  return text.length > LONGEST_UNKNOWN ? `${text.slice(0, LONGEST_UNKNOWN - 1)}…` : text;
}
