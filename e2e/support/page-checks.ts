import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/** The widths every page must serve: a desktop, and the narrowest common phone. */
export const WIDTHS = [
  { name: "1440 px", viewport: { width: 1440, height: 900 } },
  { name: "360 px", viewport: { width: 360, height: 740 } },
] as const;

/**
 * What sticks out past the right edge of the screen: the innermost such elements (their own
 * content is the cause), named for the failure message. Content inside a box that scrolls by
 * itself (a table's `overflow-x: auto` wrapper) is not counted: that box is the clear horizontal
 * scroll.
 */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = window.innerWidth + 0.5;
    const named = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 5).join(".")} (right edge ${Math.round(
        element.getBoundingClientRect().right,
      )} px): ${(element.textContent ?? "").trim().slice(0, 80)}`;
    const clips = (element: Element) => getComputedStyle(element).overflowX !== "visible";
    const found: string[] = [];
    // True when the element or something inside it sticks out.
    const visit = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      const inner = clips(element) ? [] : [...element.children].filter(visit);
      const sticksOut = box.width > 0 && box.right > limit;
      if (sticksOut && inner.length === 0) found.push(named(element));
      return sticksOut || inner.length > 0;
    };
    for (const child of document.body.children) visit(child);
    return found;
  });
}

/** Resizes, then lets the page lay itself out again (charts measure their box after a frame). */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * Checks the page as it is now at both widths: the document is no wider than the screen
 * (`scrollWidth <= innerWidth`) and axe finds no WCAG 2 A or AA violation. Soft checks: the test
 * goes on and reports every page at once. The page ends at the desktop width, as it began. On a
 * Japanese page, `japanese` (the words allowed in it) also checks that it shows no English.
 */
export async function expectSoundAtBothWidths(
  page: Page,
  what: string,
  japanese?: ReadonlySet<string>,
): Promise<void> {
  if (japanese) await expectNoUntranslatedWords(page, what, japanese);
  for (const { name, viewport } of WIDTHS) {
    await resize(page, viewport);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    if (widths.document > widths.screen) {
      const culprits = await overflowingElements(page);
      expect
        .soft(
          culprits.join("\n"),
          `${what} at ${name}: wider than the screen (${widths.document} > ${widths.screen})`,
        )
        .toBe("");
    }
    await expectNoAxeViolations(page, `${what} at ${name}`, { soft: true });
  }
  await resize(page, WIDTHS[0].viewport);
}

/**
 * The Latin-script words the Japanese messages themselves use ("Webhook", "Messaging API",
 * "webhookEventId"): LINE's vocabulary and codes, which a Japanese page shows as they are.
 */
export function wordsOfMessages(messages: unknown): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      // Without ICU arguments ({name}, {count, plural, ...}) and rich-text tags (<strong>).
      const text = value
        .replace(/<\/?[a-zA-Z]+>/g, " ")
        .replace(/\{\s*[a-zA-Z]+\s*(,\s*[a-z]+\s*,?)?/g, " ");
      for (const word of text.match(LATIN_WORD) ?? []) words.add(word);
    } else if (value && typeof value === "object") {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(messages);
  return words;
}

const LATIN_WORD = /[A-Za-z][A-Za-z]+/g;

/**
 * Fails (softly) when the page shows a Latin-script word that is neither in `allowed` nor inside
 * data: `code`, `pre`, `kbd`, `samp`, or anything marked `translate="no"` (names, emails, URLs,
 * ids, LINE's codes and detail strings, HTTP headers, the emails of the outbox), nor data inside
 * a sentence (an address, an id or code, a name the specs gave). Reads what a reader sees and what a screen reader says:
 * visible text, screen-reader-only text, and aria-label, title, placeholder and alt.
 */
export async function expectNoUntranslatedWords(
  page: Page,
  what: string,
  allowed: ReadonlySet<string>,
): Promise<void> {
  const found = await page.evaluate(
    ({ allowedWords, pattern }) => {
      const allowedSet = new Set(allowedWords);
      const data = "script, style, template, code, pre, kbd, samp, [translate='no']";
      const latin = new RegExp(pattern, "g");
      const out: string[] = [];
      // Data inside a sentence: addresses, and anything with a digit, an underscore or a slash
      // (ids, codes such as could_not_connect, versions, base64), and the specs' own names.
      const dataInText = [
        /\S+@\S+/g,
        /https?:\/\/\S+/g,
        /(?:Provider|Channel) w\d+-[a-z0-9]+-\d+/g,
        /\S*[\d_/=]\S*/g,
      ];
      const check = (text: string, where: Element) => {
        const words = dataInText.reduce((rest, data) => rest.replace(data, " "), text);
        for (const word of words.match(latin) ?? []) {
          if (!allowedSet.has(word)) {
            const context = (where.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 80);
            out.push(`"${word}" in <${where.tagName.toLowerCase()}>: ${context}`);
          }
        }
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(data)) continue;
        if (!parent.checkVisibility() && !parent.closest(".sr-only")) continue;
        check(node.textContent ?? "", parent);
      }
      for (const element of document.body.querySelectorAll(
        "[aria-label], [title], [placeholder], img[alt]",
      )) {
        if (element.closest(data)) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          const value = element.getAttribute(name);
          if (value) check(value, element);
        }
      }
      return [...new Set(out)];
    },
    { allowedWords: [...allowed], pattern: LATIN_WORD.source },
  );
  expect.soft(found.join("\n"), `${what}: English words on the Japanese page`).toBe("");
}
