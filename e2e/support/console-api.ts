import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { getChannelAccessTokenStatus } from "../../lib/access-tokens/get-channel-access-token-status";
import type { issueChannelAccessToken } from "../../lib/access-tokens/issue-channel-access-token";
import type { ChannelView } from "../../lib/channels/channel-view";
import type { ErrorBody } from "../../lib/http/respond";
import type {
  ProviderDetail,
  ProviderSummary,
  ProviderView,
} from "../../lib/providers/provider-view";

// The answers are typed by the server's own declarations (type-only imports: nothing of lib/ is
// loaded into the test process by this file), so a changed answer breaks the typecheck here.
export type { ChannelView, ErrorBody, ProviderDetail, ProviderSummary, ProviderView };

/** GET /api/channels/{id}/access-token: whether a token is issued, never the token. */
export type AccessTokenStatus = Awaited<ReturnType<typeof getChannelAccessTokenStatus>>;
/** POST /api/channels/{id}/access-token: the token, shown this once. */
export type IssuedAccessToken = Awaited<ReturnType<typeof issueChannelAccessToken>>;

/** The console's JSON API, for arranging data and checking what was stored. */
export class ConsoleApi {
  constructor(private readonly request: APIRequestContext) {}

  async createProvider(name: string): Promise<ProviderView> {
    return ok(await this.request.post("/api/providers", { data: { name } }), 201);
  }

  async listProviders(): Promise<ProviderSummary[]> {
    const body = await ok<{ providers: ProviderSummary[] }>(
      await this.request.get("/api/providers"),
    );
    return body.providers;
  }

  async getProvider(providerId: string): Promise<ProviderDetail> {
    return ok(await this.request.get(`/api/providers/${providerId}`));
  }

  async createChannel(providerId: string, name: string): Promise<ChannelView> {
    return ok(
      await this.request.post(`/api/providers/${providerId}/channels`, { data: { name } }),
      201,
    );
  }

  async getChannel(channelId: string): Promise<ChannelView> {
    return ok(await this.request.get(`/api/channels/${channelId}`));
  }

  async updateChannel(channelId: string, patch: Partial<ChannelView>): Promise<ChannelView> {
    return ok(await this.request.patch(`/api/channels/${channelId}`, { data: patch }));
  }

  async getChannelSecret(channelId: string): Promise<string> {
    const body = await ok<{ channelSecret: string }>(
      await this.request.get(`/api/channels/${channelId}/secret`),
    );
    return body.channelSecret;
  }

  /** Issues (or reissues) the long-lived channel access token; the only time it is returned. */
  async issueAccessToken(channelId: string): Promise<IssuedAccessToken> {
    return ok(await this.request.post(`/api/channels/${channelId}/access-token`), 201);
  }

  async getAccessTokenStatus(channelId: string): Promise<AccessTokenStatus> {
    return ok(await this.request.get(`/api/channels/${channelId}/access-token`));
  }
}

async function ok<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/**
 * Asserts a refused request: the expected 4xx status and the one JSON error shape, with a
 * message. Returns the body for further checks.
 */
export async function expectErrorResponse(response: APIResponse, status: 400 | 401 | 404 | 409) {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text}`).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text) as ErrorBody;
  expect(typeof body.message).toBe("string");
  expect(body.message.length).toBeGreaterThan(0);
  if (body.details !== undefined) {
    expect(body.details.length).toBeGreaterThan(0);
    for (const detail of body.details) {
      expect(detail).toEqual({ property: expect.any(String), message: expect.any(String) });
    }
  }
  return body;
}
