// Provider roles in the browser: who sees what, what each role is refused, the audit log, and an
// invitation from an Admin to a new operator who then signs in (docs/operators.md, "Operators, sign-in and
// roles"; ADR 14).
import { expect, test } from "./fixtures";
import { MessagingApiPage } from "./pages/messaging-api-page";
import { StatisticsPage } from "./pages/statistics-page";
import { signedInBrowser } from "./support/signed-in-browser";

test("a Member of one provider gets the 404 page for another provider's channel, and the API's 404", async ({
  join,
  api,
  browser,
  baseURL,
  operator,
  requestAs,
  uniqueName,
  freshChannel,
}) => {
  const own = await api.createProvider(uniqueName("Member's provider"));
  await join(own.id, operator, "member");
  // freshChannel's provider is the worker operator's alone.
  const foreign = freshChannel.channel;
  const { context, page } = await signedInBrowser(browser, baseURL, operator);
  try {
    await page.goto("/console");
    await expect(page.getByRole("link", { name: new RegExp(own.name) })).toBeVisible();
    await expect(
      page.getByRole("link", { name: new RegExp(freshChannel.provider.name) }),
    ).toHaveCount(0);
    for (const path of [
      `/console/channel/${foreign.id}/basics`,
      `/console/channel/${foreign.id}/statistics`,
      `/console/provider/${foreign.providerId}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    }
    const asMember = await requestAs(operator);
    const answer = await asMember.get(`/api/channels/${foreign.id}`);
    expect(answer.status()).toBe(404);
    // The same answer as a channel that does not exist.
    const unknown = await asMember.get("/api/channels/1000000000");
    expect((await answer.json()).message.replace(foreign.id, "")).toBe(
      (await unknown.json()).message.replace("1000000000", ""),
    );
  } finally {
    await context.close();
  }
});

test("a Viewer sees statistics and deliveries, cannot change a setting, and the stored value stays", async ({
  join,
  api,
  browser,
  baseURL,
  operator,
  requestAs,
  demoBot,
  freshChannel: { provider, channel },
}) => {
  await api.pointAt(channel.id, demoBot);
  await api.sendTextsAndWait(channel.id, 1, "seen by a viewer");
  await join(provider.id, operator, "viewer");
  const { context, page } = await signedInBrowser(browser, baseURL, operator);
  try {
    const messagingApi = new MessagingApiPage(page, channel.id);
    await messagingApi.goto();
    await expect(
      page
        .getByTestId("role-note")
        .filter({ hasText: "Viewers can see settings but not change them." })
        .first(),
    ).toBeVisible();
    await expect(messagingApi.recentDeliveries.getByRole("row")).toHaveCount(2); // header + one
    for (const name of [
      "Use webhook",
      "Webhook redelivery",
      "Error statistics aggregation",
    ] as const) {
      await expect(messagingApi.switch(name)).toBeDisabled();
    }
    await expect(messagingApi.verifyButton).toBeDisabled();
    await expect(messagingApi.sendButton).toBeDisabled();

    const statistics = new StatisticsPage(page, channel.id);
    await statistics.goto();
    await expect(statistics.view).toBeVisible();

    // What the disabled switch would have sent, sent anyway: refused, nothing written.
    const asViewer = await requestAs(operator);
    const refused = await asViewer.patch(`/api/channels/${channel.id}`, {
      data: { useWebhook: false },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toBe(
      "Your role in this provider (Viewer) cannot change channel settings or send webhooks",
    );
    expect((await api.getChannel(channel.id)).useWebhook).toBe(true);
    expect((await asViewer.get(`/api/channels/${channel.id}/secret`)).status()).toBe(403);
    expect(
      (await asViewer.post(`/api/channels/${channel.id}/events`, { data: { text: "x" } })).status(),
    ).toBe(403);
    const [seen] = (await api.deliveries(channel.id)).deliveries;
    expect(
      (
        await asViewer.post(`/api/channels/${channel.id}/deliveries/redeliver`, {
          data: { webhookIds: [seen?.webhookId] },
        })
      ).status(),
    ).toBe(403);
  } finally {
    await context.close();
  }
});

test("the audit log tab shows who changed what, newest first, in UTC+9", async ({
  page,
  api,
  workerOperator,
  messagingApi,
  freshChannel: { channel },
}) => {
  await messagingApi.goto();
  await messagingApi.setWebhookUrl("https://bot.example.com/hook");
  await messagingApi.toggle("Use webhook");
  await api.issueAccessToken(channel.id);

  await page
    .getByRole("navigation", { name: "Channel settings" })
    .getByRole("link", { name: "Audit log" })
    .click();
  const log = page.getByRole("table", { name: "Audit log" });
  const entries = log.getByTestId("audit-entry");
  await expect(entries.first()).toContainText("Issued a channel access token");
  await expect(entries.nth(1)).toContainText("Use webhook: off → on");
  await expect(entries.nth(2)).toContainText("Webhook URL: (none) → https://bot.example.com/hook");
  await expect(entries.nth(1)).toContainText(workerOperator.email);
  // The time as UTC+9 wall-clock time, to the second.
  const [newest] = (await api.channelAudit(channel.id)).entries;
  const utc9 = new Date(Date.parse(newest?.at ?? "") + 9 * 3_600_000).toISOString();
  await expect(entries.first()).toContainText(`${utc9.slice(0, 10)} ${utc9.slice(11, 19)}`);
  await expect(log.getByRole("columnheader").first()).toContainText("UTC+9");
  expect(
    (await api.channelAudit(channel.id)).entries.map((entry) => entry.action).slice(0, 3),
  ).toEqual(["access_token.issued", "use_webhook.changed", "webhook_url.changed"]);
});

test("an Admin invites a new operator, who sets a password on the link, signs in and is a Member", async ({
  page,
  browser,
  baseURL,
  api,
  uniqueEmail,
  freshChannel: { provider },
}) => {
  const email = uniqueEmail("invited");
  await page.goto(`/console/provider/${provider.id}/members`);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByRole("textbox", { name: "Invitation link" });
  await expect(link).toBeVisible();
  const inviteUrl = await link.inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(email);

  const invited = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const guest = await invited.newPage();
    await guest.goto(new URL(inviteUrl).pathname);
    await expect(guest.getByTestId("invitation-email")).toHaveText(email);
    const password = "a-long-enough-password";
    await guest.getByRole("textbox", { name: "Your name" }).fill("Invited Person");
    await guest.getByLabel("Password", { exact: true }).fill(password);
    await guest.getByLabel("Confirm password").fill(password);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await expect(guest).toHaveURL(new RegExp(`/console/provider/${provider.id}`));
    await expect(guest.getByTestId("signed-in-operator")).toHaveText(email);
    await expect(guest.getByTestId("provider-role")).toHaveText("Your role: Member");
    // The link works once.
    await guest.goto(new URL(inviteUrl).pathname);
    await expect(guest.getByRole("heading", { name: "Invitation not valid" })).toBeVisible();
  } finally {
    await invited.close();
  }
  const { members, invitations } = await api.members(provider.id);
  expect(members.find((member) => member.email === email)?.role).toBe("member");
  expect(invitations).toEqual([]);
  const actions = (await api.providerAudit(provider.id)).entries.map((entry) => entry.action);
  expect(actions.slice(0, 2)).toEqual(["invitation.accepted", "invitation.created"]);
});

test("deleting a channel asks for its name, then it is gone with its data, and the provider's log says so", async ({
  page,
  api,
  freshChannel: { provider, channel },
}) => {
  await page.goto(`/console/channel/${channel.id}/basics`);
  await page.getByRole("button", { name: "Delete channel" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this channel?" });
  const confirm = dialog.getByRole("button", { name: "Delete channel" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type the name to confirm" }).fill(`${channel.name}x`);
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox", { name: "Type the name to confirm" }).fill(channel.name);
  await confirm.click();
  await expect(page).toHaveURL(new RegExp(`/console/provider/${provider.id}`));
  expect((await api.getProvider(provider.id)).channels).toEqual([]);
  const [latest] = (await api.providerAudit(provider.id)).entries;
  expect(latest).toMatchObject({ action: "channel.deleted", channelId: channel.id });
});

test("a page whose session ended sends the operator to sign in, and back after", async ({
  page,
  context,
  workerOperator,
  freshChannel: { channel },
}) => {
  // Signed out (the session cookie gone, as when it expires), a bookmarked page asks to sign in.
  await context.clearCookies();
  await page.goto(`/console/channel/${channel.id}/statistics`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(workerOperator.email);
  await page.getByLabel("Password").fill(workerOperator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/console/channel/${channel.id}/statistics$`));
});

test("the only Admin can neither step down nor leave, and the row says why; beside a second Admin, leaving is asked first", async ({
  page,
  join,
  operator,
  workerOperator,
  freshChannel: { provider },
}) => {
  await page.goto(`/console/provider/${provider.id}/members`);
  const remove = page.getByRole("button", { name: `Remove ${workerOperator.email}` });
  const role = page.getByRole("combobox", { name: `Role of ${workerOperator.email}` });
  const why = "A provider needs an Admin: make another member Admin first.";
  await expect(remove).toBeDisabled();
  await expect(role).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(why);
  await expect(role).toHaveAccessibleDescription(why);

  await join(provider.id, operator, "admin");
  await page.reload();
  await expect(remove).toBeEnabled();
  await expect(role).toBeEnabled();
  await expect(page.getByText(why)).toHaveCount(0);
  await remove.click();
  const dialog = page.getByRole("dialog", { name: "Leave this provider?" });
  await expect(dialog).toBeVisible();
  // Aligned as every other dialog, not as the table cell it opens from.
  await expect(dialog.getByRole("heading")).toHaveCSS("text-align", "left");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
