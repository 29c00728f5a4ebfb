import { expect, test } from "../fixtures";
import { expectErrorResponse } from "../support/console-api";
import { MALFORMED_IDS, notAJsonObject, sendJson, sendRawJson, UNKNOWN_ID } from "./bad-input";

test.describe("POST /api/providers", () => {
  test("refuses bodies that are not a JSON object, and creates nothing", async ({
    request,
    api,
    uniqueName,
  }) => {
    const marker = uniqueName("never created");
    for (const { case: name, body, message } of notAJsonObject) {
      await test.step(name, async () => {
        const withMarker = body.replace('"x"', JSON.stringify(marker));
        const error = await expectErrorResponse(
          await sendRawJson(request, "POST", "/api/providers", withMarker),
          400,
        );
        expect(error.message).toMatch(message);
      });
    }
    const names = (await api.listProviders()).map((provider) => provider.name);
    expect(names.filter((name) => name.includes(marker))).toEqual([]);
  });

  test("refuses a missing, mistyped or out-of-range name", async ({ request, api }) => {
    const cases = [
      { body: {}, property: "name" },
      { body: { name: 42 }, property: "name" },
      { body: { name: true }, property: "name" },
      { body: { name: null }, property: "name" },
      { body: { name: ["Acme"] }, property: "name" },
      { body: { name: { first: "Acme" } }, property: "name" },
      { body: { name: "" }, property: "name" },
      { body: { name: "   " }, property: "name" },
      { body: { name: "p".repeat(101) }, property: "name" },
    ];
    for (const { body, property } of cases) {
      await test.step(JSON.stringify(body).slice(0, 60), async () => {
        const error = await expectErrorResponse(
          await sendJson(request, "POST", "/api/providers", body),
          400,
        );
        expect(error.message).toMatch(new RegExp(`^${property}: `));
        expect(error.details?.[0]?.property).toBe(property);
      });
    }
    const names = (await api.listProviders()).map((provider) => provider.name);
    for (const impossible of ["42", "true", "null", "", "   ", "p".repeat(101)]) {
      expect(names).not.toContain(impossible);
    }
  });

  test("refuses unknown properties instead of ignoring them, and creates nothing", async ({
    request,
    api,
    uniqueName,
  }) => {
    const marker = uniqueName("never created");
    const cases = [
      { extra: '"id": "1234567890"', property: "id" },
      { extra: '"createdAt": "2020-01-01T00:00:00.000Z"', property: "createdAt" },
      { extra: '"channels": [{"name": "sneaky"}]', property: "channels" },
      { extra: '"Name": "Acme"', property: "Name" },
      { extra: '"__proto__": {"admin": true}', property: "__proto__" },
      { extra: '"constructor": {}', property: "constructor" },
    ];
    for (const { extra, property } of cases) {
      await test.step(property, async () => {
        const body = `{"name": ${JSON.stringify(marker)}, ${extra}}`;
        const error = await expectErrorResponse(
          await sendRawJson(request, "POST", "/api/providers", body),
          400,
        );
        expect(error.details).toContainEqual({ property, message: "is not a known property" });
      });
    }
    const names = (await api.listProviders()).map((provider) => provider.name);
    expect(names.filter((name) => name.includes(marker))).toEqual([]);
  });

  test("creates a provider from a valid body, trimming the name", async ({
    request,
    api,
    uniqueName,
  }) => {
    const name = uniqueName("Valid");
    const response = await sendJson(request, "POST", "/api/providers", { name: `  ${name}  ` });
    expect(response.status()).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ id: expect.stringMatching(/^[1-9]\d{9}$/), name });
    expect((await api.getProvider(created.id)).channels).toEqual([]);
  });
});

test.describe("GET /api/providers/{id}", () => {
  for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
    test(`answers 404 for ${id.slice(0, 40)}`, async ({ request }) => {
      const error = await expectErrorResponse(await request.get(`/api/providers/${id}`), 404);
      expect(error.message).toMatch(/^Provider .* not found$/s);
    });
  }
});

test.describe("POST /api/providers/{id}/channels", () => {
  test("answers 404 for unknown and malformed provider ids, creating nothing", async ({
    request,
  }) => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      await test.step(id.slice(0, 40), async () => {
        await expectErrorResponse(
          await sendJson(request, "POST", `/api/providers/${id}/channels`, { name: "Orphan" }),
          404,
        );
      });
    }
    await expectErrorResponse(await request.get(`/api/providers/${UNKNOWN_ID}`), 404);
  });

  test("refuses bad bodies and leaves the provider's channels as they were", async ({
    request,
    api,
    freshChannel: { provider, channel },
  }) => {
    const url = `/api/providers/${provider.id}/channels`;
    for (const { case: name, body, message } of notAJsonObject) {
      await test.step(name, async () => {
        const error = await expectErrorResponse(await sendRawJson(request, "POST", url, body), 400);
        expect(error.message).toMatch(message);
      });
    }
    const invalid = [
      { body: {}, property: "name" },
      { body: { name: 7 }, property: "name" },
      { body: { name: null }, property: "name" },
      { body: { name: " " }, property: "name" },
      { body: { name: "c".repeat(101) }, property: "name" },
      { body: { name: "Bot", description: 5 }, property: "description" },
      { body: { name: "Bot", description: null }, property: "description" },
      { body: { name: "Bot", description: "d".repeat(501) }, property: "description" },
      // Settings and credentials are the server's to choose, not the creator's.
      { body: { name: "Bot", channelSecret: "0".repeat(32) }, property: "channelSecret" },
      { body: { name: "Bot", id: "1234567890" }, property: "id" },
      { body: { name: "Bot", providerId: "1234567890" }, property: "providerId" },
      { body: { name: "Bot", useWebhook: true }, property: "useWebhook" },
      { body: { name: "Bot", webhookUrl: "https://example.com/" }, property: "webhookUrl" },
    ];
    for (const { body, property } of invalid) {
      await test.step(JSON.stringify(body).slice(0, 60), async () => {
        const error = await expectErrorResponse(await sendJson(request, "POST", url, body), 400);
        expect(error.details?.map((detail) => detail.property)).toContain(property);
      });
    }
    const after = await api.getProvider(provider.id);
    expect(after.channels).toEqual([channel]);
  });
});

test("methods no handler exports answer 405, not 500", async ({ request }) => {
  const calls = [
    ["DELETE", "/api/providers"],
    ["PUT", "/api/providers"],
    ["PUT", `/api/providers/${UNKNOWN_ID}`],
    ["POST", `/api/providers/${UNKNOWN_ID}`],
    ["GET", `/api/providers/${UNKNOWN_ID}/channels`],
    ["POST", `/api/channels/${UNKNOWN_ID}`],
    ["PUT", `/api/channels/${UNKNOWN_ID}`],
    ["DELETE", `/api/channels/${UNKNOWN_ID}/secret`],
  ] as const;
  for (const [method, url] of calls) {
    const response = await request.fetch(url, { method });
    expect(response.status(), `${method} ${url}`).toBe(405);
  }
});
