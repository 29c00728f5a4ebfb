// npm run db:seed: add the demo provider and channel to an empty database.
import { db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedDemo } from "../lib/demo/seed-demo";

await migrate();
const seeded = await seedDemo(db());
console.log(
  seeded
    ? `seeded provider ${seeded.providerId}, channel ${seeded.channelId}`
    : "database not empty; nothing seeded",
);
await db().$disconnect();
