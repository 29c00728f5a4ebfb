// Bots in a process of their own for e2e/load/timeout-under-load.spec.ts: one HTTP server per
// delay (in ms) given as arguments, each answering every POST with 200 "{}" that long after the
// request's last byte arrived. Each measures its real delay, from the request's last byte read to
// the answer's last byte handed to the socket, and reports them all when asked (IPC "report").
import http from "node:http";

const delays = process.argv.slice(2).map(Number);
const measured = new Map(delays.map((delay) => [delay, []]));

const servers = await Promise.all(
  delays.map(
    (delay) =>
      new Promise((resolve) => {
        const server = http.createServer((request, response) => {
          request.resume();
          request.on("end", () => {
            const received = performance.now();
            setTimeout(() => {
              response.writeHead(200, { "content-type": "application/json" });
              response.end("{}", () => measured.get(delay).push(performance.now() - received));
            }, delay);
          });
        });
        server.keepAliveTimeout = 60_000;
        server.listen(0, "127.0.0.1", () => resolve({ delay, port: server.address().port }));
      }),
  ),
);

process.on("message", (message) => {
  if (message === "report") process.send({ report: Object.fromEntries(measured) });
});
process.send({ ports: Object.fromEntries(servers.map(({ delay, port }) => [delay, port])) });
