// Three channels whose webhooks meet each kind of outcome, for the tests of what is recorded about
// attempts (metrics, traces): one delivered, one answered 500, one refused at connect.
import "server-only";
import { updateChannel } from "../../channels/update-channel";
import type { Db } from "../../db/client";
import { channelWithDemoBot } from "./channel-with-demo-bot";
import { refusedPort } from "./fault-lab";

export async function outcomeChannels(db: Db, onCleanup: (close: () => Promise<void>) => void) {
  const ok = await channelWithDemoBot(db, { mode: "ok", onCleanup });
  const failing = await channelWithDemoBot(db, { mode: "error500", onCleanup });
  const unreachable = await channelWithDemoBot(db, { mode: "ok", onCleanup });
  const closed = await refusedPort();
  await updateChannel(db, unreachable.channel.id, { webhookUrl: closed.url }, "tester@example.com");
  return { ok: ok.channel, failing: failing.channel, unreachable: unreachable.channel };
}
