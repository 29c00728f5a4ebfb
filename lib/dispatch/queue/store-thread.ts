// The database thread of a dispatcher: it owns a database connection of its own and runs every
// claim, lease renewal and batched recording there (DatabaseStore), answering the sending thread
// by message (thread-store.ts).
import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { openSqlConnection } from "../../db/sql-driver";
import { describeError } from "../../logging/describe-error";
import { DatabaseStore } from "./database-store";
import type { StoreCall, StoreReply, StoreThreadData } from "./store-protocol";

const data = workerData as StoreThreadData;
const port = parentPort;
if (!port) throw new Error("store-thread.ts runs as a worker thread (thread-store.ts)");

const store = new DatabaseStore({
  sql: openSqlConnection(data.database),
  workerId: data.workerId,
  leaseMs: data.leaseMs,
  secretKey: Buffer.from(data.secretKey),
  closeWriteMs: data.closeWriteMs,
  log: (message, error) =>
    console.error(
      `[dispatcher] ${message}${error === undefined ? "" : `: ${describeError(error)}`}`,
    ),
});

async function answer(message: StoreCall): Promise<unknown> {
  switch (message.call) {
    case "ready":
      return store.ready();
    case "claim":
      return store.claim(message.wanted);
    case "record":
      // Every outcome joins the recorder's current batch now; the reply waits for all of them
      // (however long the database is away: they are kept and written again).
      return store.recordMany(message.outcomes);
    case "release":
      return store.release(message.ids);
    case "renew":
      return store.renew(message.ids);
    case "countDue":
      return store.countDue();
    case "flush":
      return store.flush();
    case "close":
      return store.close();
  }
}

port.on("message", (message: StoreCall) => {
  answer(message).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies StoreReply),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error: describeError(error),
      } satisfies StoreReply),
  );
});
