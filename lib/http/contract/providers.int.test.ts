// The provider routes' JSON contract, through their handlers in process (moved from
// e2e/api/providers.api.spec.ts): bad bodies refused with the property named and nothing created,
// unknown and malformed ids answered 404, and a valid body's 201.
import { describe, expect, it } from "vitest";
import * as channelsRoute from "../../../app/api/providers/[providerId]/channels/route";
import * as providerRoute from "../../../app/api/providers/[providerId]/route";
import * as providersRoute from "../../../app/api/providers/route";
import { MALFORMED_IDS, notAJsonObject, UNKNOWN_ID } from "../../dev/testing/bad-input";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import {
  type ContractApi,
  expectErrorAnswer,
  expectPropertiesRefused,
} from "../../dev/testing/contract-api";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

const MARKER = "never created";

describe.each(TEST_PROVIDERS)("the provider routes on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  const postProvider = (api: ContractApi, call: { body?: string; json?: unknown }) =>
    api.call(providersRoute.POST, { method: "POST", path: "/api/providers", ...call });

  describe("POST /api/providers", () => {
    it("refuses bodies that are not a JSON object, and creates nothing", async () => {
      const { api } = await app().signedIn();
      for (const { case: name, body, message } of notAJsonObject) {
        const withMarker = body.replace('"x"', JSON.stringify(MARKER));
        const error = await expectErrorAnswer(
          await postProvider(api, { body: withMarker }),
          400,
          name,
        );
        expect(error.message, name).toMatch(message);
      }
      const names = (await api.listProviders()).map((owned) => owned.name);
      expect(names.filter((name) => name.includes(MARKER))).toEqual([]);
    });

    it("refuses a missing, mistyped or out-of-range name", async () => {
      const { api } = await app().signedIn();
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
        const what = JSON.stringify(body).slice(0, 60);
        const error = await expectErrorAnswer(await postProvider(api, { json: body }), 400, what);
        expect(error.message, what).toMatch(new RegExp(`^${property}: `));
        expect(error.details?.[0]?.property, what).toBe(property);
      }
      const names = (await api.listProviders()).map((owned) => owned.name);
      for (const impossible of ["42", "true", "null", "", "   ", "p".repeat(101)]) {
        expect(names).not.toContain(impossible);
      }
    });

    it("refuses unknown properties instead of ignoring them, and creates nothing", async () => {
      const { api } = await app().signedIn();
      const cases = [
        { extra: '"id": "1234567890"', property: "id" },
        { extra: '"createdAt": "2020-01-01T00:00:00.000Z"', property: "createdAt" },
        { extra: '"channels": [{"name": "sneaky"}]', property: "channels" },
        { extra: '"Name": "Acme"', property: "Name" },
        { extra: '"__proto__": {"admin": true}', property: "__proto__" },
        { extra: '"constructor": {}', property: "constructor" },
      ];
      for (const { extra, property } of cases) {
        const body = `{"name": ${JSON.stringify(MARKER)}, ${extra}}`;
        const error = await expectErrorAnswer(await postProvider(api, { body }), 400, property);
        expect(error.details, property).toContainEqual({
          property,
          message: "is not a known property",
        });
      }
      const names = (await api.listProviders()).map((owned) => owned.name);
      expect(names.filter((name) => name.includes(MARKER))).toEqual([]);
    });

    it("creates a provider from a valid body, trimming the name", async () => {
      const { api } = await app().signedIn();
      const name = "Valid";
      const response = await postProvider(api, { json: { name: `  ${name}  ` } });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { id: string };
      expect(created).toMatchObject({ id: expect.stringMatching(/^[1-9]\d{9}$/), name });
      expect((await api.getProvider(created.id)).channels).toEqual([]);
    });
  });

  describe("GET /api/providers/{id}", () => {
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      it(`answers 404 for ${id.slice(0, 40)}`, async () => {
        const { api } = await app().signedIn();
        const error = await expectErrorAnswer(
          await api.call(providerRoute.GET, { method: "GET", path: `/api/providers/${id}` }),
          404,
        );
        expect(error.message).toMatch(/^Provider .* not found$/s);
      });
    }
  });

  describe("POST /api/providers/{id}/channels", () => {
    it("answers 404 for unknown and malformed provider ids, creating nothing", async () => {
      const { api } = await app().signedIn();
      for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
        await expectErrorAnswer(
          await api.call(channelsRoute.POST, {
            method: "POST",
            path: `/api/providers/${id}/channels`,
            json: { name: "Orphan" },
          }),
          404,
          id.slice(0, 40),
        );
      }
      await expectErrorAnswer(
        await api.call(providerRoute.GET, { method: "GET", path: `/api/providers/${UNKNOWN_ID}` }),
        404,
      );
    });

    it("refuses bad bodies and leaves the provider's channels as they were", async () => {
      const { api } = await app().signedIn();
      const owned = await api.createProvider("Provider");
      const channel = await api.createChannel(owned.id, "Channel");
      const path = `/api/providers/${owned.id}/channels`;
      for (const { case: name, body, message } of notAJsonObject) {
        const error = await expectErrorAnswer(
          await api.call(channelsRoute.POST, { method: "POST", path, body }),
          400,
          name,
        );
        expect(error.message, name).toMatch(message);
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
      await expectPropertiesRefused(
        (json) => api.call(channelsRoute.POST, { method: "POST", path, json }),
        invalid,
      );
      const after = await api.getProvider(owned.id);
      expect(after.channels).toEqual([channel]);
    });
  });
});
