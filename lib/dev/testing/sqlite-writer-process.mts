// One of several processes writing to one SQLite file at once (lib/db/sqlite-writers.int.test.ts):
// each transaction reads, then writes what it read, as the attempt recorder's do.
import "server-only";
import { createDbClient } from "../../db/client";
import { resolveDatabaseConfig } from "../../db/config";

const [count = "100", tag = "writer"] = process.argv.slice(2);
const db = createDbClient(resolveDatabaseConfig());
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.provider.count();
      // Yield between the read and the write, as an interactive transaction does.
      await new Promise((resolve) => setImmediate(resolve));
      await tx.provider.create({ data: { id: `${tag}-${i}`, name: `after ${before}` } });
    });
  } catch (error) {
    failed++;
    if (failed === 1) console.error(`${tag}: ${String(error).slice(0, 200)}`);
  }
}
await db.$disconnect();
process.send?.({ failed });
