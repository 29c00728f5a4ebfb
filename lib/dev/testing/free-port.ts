// A port for a server that must be told its port before it starts (PostgreSQL, the console,
// whose origin names it). Another process could take it in between: callers that can, retry.
import net from "node:net";

/** A port that was free a moment ago; the OS picks it, so parallel runs do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}
