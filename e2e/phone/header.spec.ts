// The header on a phone (360 px, the narrowest common width), in both languages: nothing leaves
// the screen, and the operator's email and Sign out are one button away, by keyboard too. At
// desktop width they stay in the header itself.
import { LOCALE_NAMES, LOCALES } from "../../lib/i18n/locales";
import { expect, test } from "../fixtures";
import { uiText } from "../support/ui-text";

for (const uiLocale of LOCALES) {
  test.describe(`the header in ${LOCALE_NAMES[uiLocale]}`, () => {
    test.use({ uiLocale });
    const t = uiText(uiLocale);

    test.describe("at 360 px", () => {
      test.use({ viewport: { width: 360, height: 740 } });

      test("fits the screen, and the account is behind one button", async ({
        page,
        workerOperator,
      }) => {
        await page.goto("/console");
        const header = page.getByRole("banner");
        await expect(header).toBeVisible();
        const widths = await page.evaluate(() => {
          const bar = document.querySelector("header > div");
          return {
            document: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            header: bar ? bar.scrollWidth : Number.POSITIVE_INFINITY,
            headerBox: bar ? bar.clientWidth : 0,
          };
        });
        expect(widths.header).toBeLessThanOrEqual(widths.headerBox);
        expect(widths.document).toBeLessThanOrEqual(widths.viewport);
        await expect(header.getByText(t("layout.tagline"))).toBeHidden();
        await expect(page.getByTestId("signed-in-operator")).toBeHidden();

        const account = header.getByRole("button", { name: t("layout.accountMenu") });
        await account.focus();
        await page.keyboard.press("Enter");
        await expect(account).toHaveAttribute("aria-expanded", "true");
        const email = header.getByRole("link", { name: workerOperator.email });
        const signOut = header.getByRole("button", { name: t("auth.signOut.label") });
        await expect(email).toBeVisible();
        await expect(signOut).toBeVisible();
        // Sign out is on one line (each character on its own line, in Japanese, before).
        const box = await signOut.boundingBox();
        expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(48);
        await page.keyboard.press("Tab");
        await expect(email).toBeFocused();
        await page.keyboard.press("Escape");
        await expect(email).toBeHidden();
        await expect(account).toBeFocused();
        await expect(account).toHaveAttribute("aria-expanded", "false");

        // A click elsewhere closes it too; the link leads to the account page.
        await account.click();
        await page.getByRole("main").click({ position: { x: 5, y: 5 } });
        await expect(email).toBeHidden();
        await account.click();
        await email.click();
        await expect(page).toHaveURL("/account");
        await expect(email).toBeHidden();
      });
    });

    test("at desktop width shows the email and Sign out in the header, and no account button", async ({
      page,
      workerOperator,
    }) => {
      await page.goto("/console");
      const header = page.getByRole("banner");
      await expect(page.getByTestId("signed-in-operator")).toHaveText(workerOperator.email);
      await expect(header.getByRole("button", { name: t("auth.signOut.label") })).toBeVisible();
      await expect(header.getByRole("button", { name: t("layout.accountMenu") })).toBeHidden();
      await expect(header.getByText(t("layout.tagline"))).toBeVisible();
    });
  });
}
