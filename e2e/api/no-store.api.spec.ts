// Kept against the real server: the pages that show private data are rendered by Next behind
// proxy.ts, which no route handler call in process goes through. Every signed-in API answer and
// Better Auth's session answer are checked in process: lib/http/contract/no-store.int.test.ts.
import { expect, test } from "../fixtures";
import { sendRaw } from "../support/raw-http";

test("every private page carries Cache-Control: no-store", async ({
  api,
  baseURL,
  sessionCookie,
  uniqueName,
}) => {
  const provider = await api.createProvider(uniqueName("No store"));
  const channel = await api.createChannel(provider.id, uniqueName("Bot"));
  const host = new URL(baseURL ?? "").host;
  const paths = [
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
