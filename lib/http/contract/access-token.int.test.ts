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
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({ issued: false, issuedAt: null });

    const first = await api.issueAccessToken(channel.id);
    // LINE's long-lived token shape: 172 characters of base64.
    expect(first.accessToken).toMatch(/^[A-Za-z0-9+/]{171}=$/);
    const status = await api.call(accessTokenRoute.GET, {
      method: "GET",
      path: `/api/channels/${channel.id}/access-token`,
    });
    expect(await status.json()).toEqual({ issued: true, issuedAt: first.issuedAt });
    expect(status.headers.get("cache-control")).toContain("no-store");

    const second = await api.issueAccessToken(channel.id);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await api.getAccessTokenStatus(channel.id)).toEqual({
      issued: true,
      issuedAt: second.issuedAt,
    });
    expect(JSON.stringify(await api.getChannel(channel.id))).not.toContain(second.accessToken);
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
