// The Messaging API tab's Send test event: any of LINE's events, sent through the real dispatcher
// to the real demo bot (which checks the signature with @line/bot-sdk), the attempt shown in
// Recent deliveries; a problem in the event is named by its path and nothing is sent.
import { expect, test } from "./fixtures";
import { webhookUrlOf } from "./support/console-api";

test.describe("send test event", () => {
  test("delivers to the bot and lists the attempt, success and failure", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.pointAt(channel.id, bot);

    await messagingApi.goto();
    const deliveries = messagingApi.recentDeliveries;
    await messagingApi.sendTestMessage("Hello from e2e");
    await expect(page.getByText(/Queued webhook event/)).toBeVisible();
    await expect(deliveries.getByRole("row").nth(1)).toContainText("Success", { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("200");
    expect(bot.stats()).toMatchObject({ received: 1, validSignatures: 1, invalidSignatures: 0 });

    bot.setMode("error500");
    await messagingApi.sendTestMessage();
    await expect(deliveries.getByRole("row")).toHaveCount(3, { timeout: 10_000 });
    await expect(deliveries.getByRole("row").nth(1)).toContainText("error_status_code");
    await expect(deliveries.getByRole("row").nth(1)).toContainText("500");
  });

  test("says so when Use webhook is off, and sends nothing", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.updateChannel(channel.id, { webhookUrl: webhookUrlOf(bot) });

    await messagingApi.goto();
    await messagingApi.sendTestMessage();
    await expect(page.getByText("Use webhook is off for this channel")).toBeVisible();
    await expect(page.getByText(/No webhooks sent yet/)).toBeVisible();
    expect(bot.stats().received).toBe(0);
  });

  test("a group's location message and a room's join, as picked; a wrong field named by its path, nothing sent", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.pointAt(channel.id, bot);
    await messagingApi.goto();
    const label = (name: string) => page.getByLabel(name, { exact: true });

    await label("Message type").selectOption("location");
    await label("Source").selectOption("group");
    const example = JSON.parse(await messagingApi.eventJson.inputValue());
    expect(example).toMatchObject({
      type: "message",
      message: { type: "location", latitude: 35.67966 },
      source: { type: "group" },
      mode: "active",
    });
    await messagingApi.sendTestMessage();
    await expect(page.getByText(/Queued webhook event/)).toBeVisible();

    await label("Event type").selectOption("join");
    // A join comes from a group or a room only.
    await expect(label("Source").locator("option")).toHaveText(["Group chat", "Multi-person chat"]);
    await label("Source").selectOption("room");
    await label("Mode").selectOption("standby");
    await messagingApi.sendTestMessage();
    await expect.poll(() => bot.stats().validSignatures, { timeout: 10_000 }).toBe(2);

    const deliveries = await api.waitForDeliveries(channel.id, 2);
    const bodies = await Promise.all(
      deliveries.map(
        async (delivery) =>
          JSON.parse((await api.webhookDetail(channel.id, delivery.webhookId)).request.body)
            .events[0],
      ),
    );
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "message",
          source: expect.objectContaining({ type: "group", groupId: expect.stringMatching(/^C/) }),
          message: expect.objectContaining({ type: "location", id: expect.any(String) }),
        }),
        expect.objectContaining({
          type: "join",
          mode: "standby",
          source: { type: "room", roomId: expect.stringMatching(/^R/) },
          replyToken: expect.any(String),
        }),
      ]),
    );

    // LINE's schema's words, at the editor's path; and JSON that does not parse; nothing sent.
    await label("Event type").selectOption("beacon");
    await messagingApi.eventJson.fill(
      '{"type": "beacon", "beacon": {"hwid": "d41d8cd98f", "type": "wave"}}',
    );
    await messagingApi.sendTestMessage();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "beacon.type: must be one of enter, banner, stay" }),
    ).toBeVisible();
    await expect(messagingApi.eventJson).toHaveAttribute("aria-invalid", "true");
    await messagingApi.eventJson.fill('{"type": "beacon",');
    await messagingApi.sendTestMessage();
    await expect(
      page.getByRole("alert").filter({ hasText: "Event JSON is not valid JSON" }),
    ).toBeVisible();
    expect(bot.stats().received).toBe(2);
  });

  test("plays a scenario file step by step, and stops at the first event the console refuses", async ({
    api,
    freshChannel: { channel },
    demoBot: bot,
    messagingApi,
    page,
  }) => {
    await api.pointAt(channel.id, bot);
    await messagingApi.goto();
    const scenario = {
      name: "Short visit",
      steps: [
        { event: { type: "follow" } },
        { delayMs: 200, event: { type: "message", message: { type: "text", text: "hi" } } },
        { event: { type: "join", source: { type: "group" } } },
        { event: { type: "beacon", beacon: { type: "enter" } } },
        { event: { type: "unfollow" } },
      ],
    };
    await page.getByLabel("Scenario file").setInputFiles({
      name: "short-visit.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(scenario)),
    });
    await page.getByRole("button", { name: "Play", exact: true }).click();
    const steps = page.getByRole("list", { name: "Steps played" }).getByRole("listitem");
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText("Step 1 sent follow");
    await expect(steps.nth(2)).toContainText("Step 3 sent join");
    await expect(steps.nth(3)).toContainText(
      "Step 4 refused beacon: event.beacon.hwid: is required",
    );
    // Three reached the bot, in the scenario's order; the fifth was never sent.
    await expect.poll(() => bot.stats().validSignatures, { timeout: 10_000 }).toBe(3);
    expect((await api.deliveries(channel.id)).deliveries).toHaveLength(3);
  });
});
