import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules the console promises to meet: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** One line per offending element: rule, impact, CSS target and axe's failure summary. */
export function describeViolations(violations: AxeResults["violations"]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? "unknown"}) at ${node.target.join(" ")}: ${(
            node.failureSummary ?? violation.help
          ).replaceAll("\n", " ")}`,
      ),
    )
    .join("\n");
}

/**
 * Runs axe-core on the page as it is now (open dialogs included) and fails, naming each
 * offending element, unless no WCAG 2 A or AA rule is broken. Soft: the test goes on, to report
 * every page's violations at once, and fails at its end.
 */
export async function expectNoAxeViolations(
  page: Page,
  what: string,
  { soft = false }: { soft?: boolean } = {},
): Promise<void> {
  // Legacy mode: one axe.run in the page. The default runs axe in each frame and then finishes in
  // a new blank page, which took half of each check's 0.8 s; the console's pages have no frames.
  const results = await new AxeBuilder({ page }).withTags(WCAG_A_AA).setLegacyMode().analyze();
  (soft ? expect.soft : expect)(describeViolations(results.violations), `axe on ${what}`).toBe("");
}
