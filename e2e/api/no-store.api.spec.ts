// Signed-in answers are never stored by a browser or a proxy: every JSON route and TSV download
// (Cache-Control: no-store unless a route says otherwise), Better Auth's session answers, and
// every page that shows private data.
import { expect, test } from "../fixtures";
import { sendRaw } from "../support/raw-http";

test("every signed-in answer and private page carries Cache-Control: no-store", async ({
  api,
  baseURL,
  sessionCookie,
  uniqueName,
}) => {
  const provider = await api.createProvider(uniqueName("No store"));
  const channel = await api.createChannel(provider.id, uniqueName("Bot"));
  const host = new URL(baseURL ?? "").host;
  const paths = [
    "/api/providers",
    `/api/providers/${provider.id}`,
    `/api/providers/${provider.id}/audit`,
    `/api/providers/${provider.id}/members`,
    `/api/channels/${channel.id}`,
    `/api/channels/${channel.id}/audit`,
    `/api/channels/${channel.id}/notifications`,
    `/api/channels/${channel.id}/deliveries`,
    `/api/channels/${channel.id}/statistics/errors`,
    `/api/channels/${channel.id}/statistics/errors.tsv`,
    `/api/channels/${channel.id}/statistics/deliveries`,
    `/api/channels/${channel.id}/statistics/deliveries.tsv`,
    `/api/channels/${channel.id}/secret`,
    "/api/auth/get-session",
    "/api/health/ready",
    "/console",
    `/console/provider/${provider.id}`,
    `/console/channel/${channel.id}/basics`,
    `/console/channel/${channel.id}/messaging-api`,
    `/console/channel/${channel.id}/statistics`,
    `/console/channel/${channel.id}/deliveries`,
    `/console/channel/${channel.id}/audit`,
    `/console/provider/${provider.id}/members`,
    "/account",
  ];
  for (const path of paths) {
    const answer = await sendRaw(baseURL, {
      method: "GET",
      path,
      headers: { host, cookie: sessionCookie },
    });
    expect(answer.status, `GET ${path}`).toBe(200);
    expect(answer.headers["cache-control"] ?? "", `GET ${path}`).toMatch(/\bno-store\b/);
  }
});
