// The channel access token routes' contract, through their handlers in process (moved from
// e2e/api/line-sdk.api.spec.ts): a token shown once, its status without it, reissuing, and 404 for
// unknown and malformed channel ids.
import { describe, expect, it } from "vitest";
import * as accessTokenRoute from "../../../app/api/channels/[channelId]/access-token/route";
import { MALFORMED_IDS, UNKNOWN_ID } from "../../dev/testing/bad-input";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { expectErrorAnswer } from "../../dev/testing/contract-api";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

describe.each(TEST_PROVIDERS)("/api/channels/{id}/access-token on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  it("issues a token once, reports only whether one is issued, and reissues", async () => {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({
      issued: false,
      issuedAt: null,
      oldTokensValidUntil: null,
    });

    const first = await api.issueAccessToken(channel.id);
    // LINE's long-lived token shape: 172 characters of base64.
    expect(first.accessToken).toMatch(/^[A-Za-z0-9+/]{171}=$/);
    const status = await api.call(accessTokenRoute.GET, {
      method: "GET",
      path: `/api/channels/${channel.id}/access-token`,
    });
    expect(await status.json()).toEqual({
      issued: true,
      issuedAt: first.issuedAt,
      oldTokensValidUntil: null,
    });
    expect(status.headers.get("cache-control")).toContain("no-store");

    const second = await api.issueAccessToken(channel.id);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({
      issued: true,
      issuedAt: second.issuedAt,
      oldTokensValidUntil: null,
    });
    expect(JSON.stringify(await api.getChannel(channel.id))).not.toContain(second.accessToken);
  });

  it("reissues with the earlier token working for a while, and refuses a grace period it cannot keep", async () => {
    const { api } = await app().signedIn();
    const owned = await api.createProvider("Provider");
    const channel = await api.createChannel(owned.id, "Channel");
    await api.issueAccessToken(channel.id);
    const path = `/api/channels/${channel.id}/access-token`;
    const initial = await api.getAccessTokenStatus(channel.id);

    for (const [json, message] of [
      [{ oldTokenValidMinutes: 1441 }, /oldTokenValidMinutes/],
      [{ oldTokenValidMinutes: -1 }, /oldTokenValidMinutes/],
      [{ oldTokenValidMinutes: 1.5 }, /oldTokenValidMinutes/],
      [{ oldTokenValidMinutes: "60" }, /oldTokenValidMinutes/],
      [{ oldTokenValidMinutes: 60, later: true }, /later/],
    ] as const) {
      const refused = await api.call(accessTokenRoute.POST, { method: "POST", path, json });
      const error = await expectErrorAnswer(refused, 400);
      expect(error.message).toMatch(message);
    }
    // Refused, and nothing changed: the same token, no grace period.
    const before = await api.getAccessTokenStatus(channel.id);
    expect(before).toEqual(initial);

    const asked = Date.now();
    const answer = await api.call(accessTokenRoute.POST, {
      method: "POST",
      path,
      json: { oldTokenValidMinutes: 60 },
    });
    expect(answer.status).toBe(201);
    const reissued = (await answer.json()) as { issuedAt: string; oldTokensValidUntil: string };
    expect(reissued.issuedAt).not.toBe(before.issuedAt);
    const until = Date.parse(reissued.oldTokensValidUntil);
    expect(until).toBeGreaterThanOrEqual(asked + 3_600_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({
      issued: true,
      issuedAt: reissued.issuedAt,
      oldTokensValidUntil: reissued.oldTokensValidUntil,
    });
  });

  for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
    it(`answers 404 for channel ${id.slice(0, 40)}`, async () => {
      const { api } = await app().signedIn();
      const path = `/api/channels/${id}/access-token`;
      for (const response of [
        await api.call(accessTokenRoute.GET, { method: "GET", path }),
        await api.call(accessTokenRoute.POST, { method: "POST", path }),
      ]) {
        const error = await expectErrorAnswer(response, 404);
        expect(error.message).toMatch(/^Channel .* not found$/s);
      }
    });
  }
});
