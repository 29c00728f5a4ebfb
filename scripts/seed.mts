// npm run db:seed (and `npm start`, before it starts the server): prepare the database as the
// server would (migrations, the channel-secret key, CONSOLE_ADMIN_EMAIL), then give an empty
// console its demo operator, provider and channel. DEMO_BOT_WEBHOOK_URL points the demo channel
// at the bundled demo bot. Prints the lines scripts/start.mjs repeats next to the URLs.
import { prepareConsole, readSettingsOrExit } from "../lib/boot/boot-server";
import { db } from "../lib/db/client";
import { findDemoChannel, seedDemo } from "../lib/dev/demo/seed-demo";
import { seedDemoOperator } from "../lib/dev/demo/seed-demo-operator";

const settings = readSettingsOrExit();
await prepareConsole(settings);
const adminUserId = await seedDemoOperator(db());
const seeded = await seedDemo(db(), {
  demoBotUrl: process.env.DEMO_BOT_WEBHOOK_URL || undefined,
  adminUserId,
});
if (seeded) {
  console.log(
    `[webhook-console] seeded demo provider ${seeded.providerId} with channel ${seeded.channelId}`,
  );
} else {
  console.log("[webhook-console] the database has providers already; no demo data seeded");
}
const demoChannelId = await findDemoChannel(db());
if (demoChannelId) console.log(`[webhook-console] demo channel ${demoChannelId} is ready`);
await db().$disconnect();
