// The console in Japanese (ADR 21): chosen in the header and remembered (cookie, then the
// operator's profile), else the browser's Accept-Language; URLs do not change, and LINE's own
// vocabulary and the TSV download read exactly as in English.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { expect, test } from "../fixtures";
import { StatisticsPage } from "../pages/statistics-page";
import { signedInBrowser } from "../support/signed-in-browser";

async function downloadTsv(page: Page, link: Locator): Promise<string> {
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  return readFile((await download.path()) as string, "utf8");
}

test.describe("Japanese", () => {
  // A fresh browser: the test signs in as its own operator, whose profile it changes.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an operator switches to Japanese: Statistics and Messaging API in Japanese, the TSV and LINE's vocabulary as in English, remembered in the profile", async ({
    join,
    page,
    browser,
    baseURL,
    api,
    requestAs,
    operator,
    freshChannel: { provider, channel },
    demoBot: bot,
  }) => {
    // Three browsers and two downloads: longer than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    await join(provider.id, operator, "admin");
    bot.setMode("error500");
    await api.pointAt(channel.id, bot, { errorStatisticsAggregation: true });
    await api.sendTextsAndWait(channel.id, 2, "ja");
    bot.setMode("garbage");
    await api.sendTextsAndWait(channel.id, 1, "ja");
    const signedIn = await (await requestAs(operator)).storageState();
    await page.context().addCookies(signedIn.cookies);

    // English first (the browser asks for en-US): the TSV as an English reader downloads it.
    const english = new StatisticsPage(page, channel.id, "en");
    await english.goto();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(english.reason(/^error_status_code 2/)).toBeVisible();
    const englishTsv = await downloadTsv(page, english.downloadTsvLink);

    // The header's switcher: same URL, the page again in Japanese.
    await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page).toHaveURL(new RegExp(`${english.url}$`));
    const statistics = new StatisticsPage(page, channel.id, "ja");
    await expect(page.getByRole("combobox", { name: "統計情報" })).toHaveValue("errors");
    await expect(statistics.view.locator("option:checked")).toHaveText("エラー");
    await expect(page.getByRole("link", { name: "統計情報", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // Reason codes and detail strings are LINE's data: the same in Japanese.
    await expect(statistics.reason(/^error_status_code 2/)).toBeVisible();
    await expect(statistics.reason(/^unclassified 1/)).toBeVisible();
    // The summary of each detail is explanation, and is translated.
    await expect(
      statistics.details.getByRole("row", {
        name: /unclassified\s+Unclassified webhook dispatch error\s+1/,
      }),
    ).toContainText("分類できない予期しないエラーが発生しました。");
    // Times in Japanese, still in UTC+9 and labelled so.
    await expect(
      page.getByText(
        /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} – \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} \(UTC\+9\)/,
      ),
    ).toBeVisible();

    const japaneseTsv = await downloadTsv(page, statistics.downloadTsvLink);
    expect(japaneseTsv).toBe(englishTsv);
    const [header, ...rows] = japaneseTsv.trimEnd().split("\n");
    expect(header).toBe("Date\tStart\tEnd\tReason\tDetail\tErrors");
    expect(rows.some((row) => row.includes("\terror_status_code\t500\t"))).toBe(true);
    expect(
      rows.some((row) => row.includes("\tunclassified\tUnclassified webhook dispatch error\t")),
    ).toBe(true);

    // The Messaging API tab: LINE's Japanese names for the switches, and they work.
    await page.getByRole("link", { name: "Messaging API設定" }).click();
    await expect(page.getByRole("heading", { name: "Webhook設定" })).toBeVisible();
    const useWebhook = page.getByRole("switch", { name: "Webhookの利用", exact: true });
    const redelivery = page.getByRole("switch", { name: "Webhookの再送", exact: true });
    const aggregation = page.getByRole("switch", { name: "エラーの統計情報", exact: true });
    await expect(useWebhook).toHaveAttribute("aria-checked", "true");
    await expect(redelivery).toHaveAttribute("aria-checked", "false");
    await expect(aggregation).toHaveAttribute("aria-checked", "true");
    await redelivery.click();
    const dialog = page.getByRole("dialog", { name: "Webhookの再送をオンにしますか？" });
    await expect(dialog).toContainText("webhookEventId");
    await dialog.getByRole("button", { name: "有効にする" }).click();
    await expect(redelivery).toHaveAttribute("aria-checked", "true");
    expect((await api.getChannel(channel.id)).webhookRedelivery).toBe(true);

    // Remembered by the cookie...
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    // ...and by the profile: the operator's other browser, without the cookie and asking for
    // English, opens in Japanese; switching back there is saved too.
    const other = await signedInBrowser(browser, baseURL, operator, { locale: "en-US" });
    try {
      const otherPage = other.page;
      await otherPage.goto("/console");
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "ja");
      await expect(
        otherPage.getByRole("heading", { level: 1, name: "プロバイダー" }),
      ).toBeVisible();
      expect((await other.context.cookies()).some((cookie) => cookie.name === LOCALE_COOKIE)).toBe(
        false,
      );
      await otherPage.getByRole("combobox", { name: "言語" }).selectOption("en");
      await expect(otherPage.locator("html")).toHaveAttribute("lang", "en");
      await expect(otherPage.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
    } finally {
      await other.context.close();
    }
    // The profile (English now) comes before the browser's Japanese.
    const third = await signedInBrowser(browser, baseURL, operator, { locale: "ja-JP" });
    try {
      await third.page.goto("/console");
      await expect(third.page.locator("html")).toHaveAttribute("lang", "en");
    } finally {
      await third.context.close();
    }
  });

  test.describe("a browser that asks for Japanese", () => {
    test.use({ uiLocale: "ja" });

    test("gets the sign-in page in Japanese before signing in; other languages get English", async ({
      page,
    }) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", "ja");
      await expect(page.getByRole("heading", { name: "サインイン" })).toBeVisible();
      await expect(page.getByRole("button", { name: "サインイン" })).toBeVisible();
      await expect(page).toHaveTitle(/サインイン/);

      for (const [acceptLanguage, lang] of [
        ["fr-FR,fr;q=0.9", "en"],
        ["fr-FR,ja;q=0.5", "ja"],
        ["ja;q=0, en", "en"],
      ] as const) {
        const answer = await page.request.get("/sign-in", {
          headers: { "accept-language": acceptLanguage },
        });
        expect(answer.status()).toBe(200);
        expect(await answer.text(), acceptLanguage).toContain(`<html lang="${lang}"`);
      }
    });
  });
});
