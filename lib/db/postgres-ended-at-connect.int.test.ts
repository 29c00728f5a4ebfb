// A PostgreSQL server shutting down (pg_ctl stop -m fast, a failover) ends each session with an
// ErrorResponse "terminating connection due to administrator command". A connection that has
// just been opened can get it in the same TCP segment as the ReadyForQuery that completes its
// start-up: pg then emits "error" on the new client before the code that asked the pool for it
// has run, so a listener added after `await pool.connect()` comes too late, and an unlistened
// "error" ends the process (seen: a dispatcher's database thread, under three busy workers).
// Here a server on 127.0.0.1 that speaks just enough of the protocol sends both at once.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDbClient } from "./client";
import { openSqlConnection } from "./sql-driver";

/** A message of the backend protocol: type byte, length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}

const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};

const AUTHENTICATION_OK = message("R", int32(0));
const READY_FOR_QUERY = message("Z", Buffer.from("I"));
const TERMINATING = message(
  "E",
  Buffer.from(
    "SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0\0",
    "latin1",
  ),
);

/** Accepts each connection's start-up, then ends the session in the same write. */
async function serverEndingEachSession() {
  const server = net.createServer((socket) => {
    socket.once("data", () => {
      socket.end(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY, TERMINATING]));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("a session ended as it opens", () => {
  const closes: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closes.splice(0).reverse()) await close();
  });

  it("fails the hot path's transaction, and the process lives on", async () => {
    const server = await serverEndingEachSession();
    closes.push(server.close);
    const connection = openSqlConnection({ provider: "postgres", url: server.url });
    closes.push(() => connection.close());
    for (let i = 0; i < 3; i++) {
      await expect(connection.transaction((tx) => tx.query("SELECT 1"))).rejects.toThrow();
    }
  });

  it("fails a Prisma transaction, and the process lives on", async () => {
    const server = await serverEndingEachSession();
    closes.push(server.close);
    const db = createDbClient({ provider: "postgres", url: server.url });
    closes.push(() => db.$disconnect());
    for (let i = 0; i < 3; i++) {
      await expect(db.$transaction(async (tx) => tx.provider.count())).rejects.toThrow();
    }
  });
});
