import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import type { ChannelView } from "../../lib/channels/channel-view";

export type { ChannelView };

export interface Provider {
  id: string;
  name: string;
  createdAt: string;
}

export interface ProviderDetail extends Provider {
  channels: ChannelView[];
}

export interface ErrorBody {
  message: string;
  details?: { property: string; message: string }[];
}

/** The console's JSON API, for arranging data and checking what was stored. */
export class ConsoleApi {
  constructor(private readonly request: APIRequestContext) {}

  async createProvider(name: string): Promise<Provider> {
    return ok(await this.request.post("/api/providers", { data: { name } }), 201);
  }

  async listProviders(): Promise<(Provider & { channelCount: number })[]> {
    const body = await ok<{ providers: (Provider & { channelCount: number })[] }>(
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
  async issueAccessToken(channelId: string): Promise<{ accessToken: string; issuedAt: string }> {
    return ok(await this.request.post(`/api/channels/${channelId}/access-token`), 201);
  }

  async getAccessTokenStatus(
    channelId: string,
  ): Promise<{ issued: boolean; issuedAt: string | null }> {
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
