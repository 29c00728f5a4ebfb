// The benchmarks' bot: answers 200 "{}" to every POST at once, on keep-alive connections, in a
// process of its own so that it shares an event loop with neither the sender nor the load
// generator. Used by scripts/bench-dispatch.mts and scripts/bench-load.mts.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { processCpuSeconds } from "./cpu-time";

// Plain CommonJS written to a file and forked, so the bot starts in a bare Node without tsx.
// It exits when its parent goes (the IPC channel closes), so a benchmark that dies leaves no bot.
const BOT_SOURCE = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end("{}"); });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
process.on("disconnect", () => process.exit(0));
`;

export interface KeepAliveBot {
  /** Its webhook URL, on 127.0.0.1 (senders need WEBHOOK_ALLOW_PRIVATE_TARGETS=true). */
  url: string;
  /** CPU time the bot has used so far, in seconds (Linux: from /proc); null where unknown. */
  cpuSeconds(): number | null;
  stop(): void;
}

/** Starts the bot from a file written into `dir` (a throwaway directory of the caller's). */
export async function startKeepAliveBot(dir: string): Promise<KeepAliveBot> {
  const file = path.join(dir, "keep-alive-bot.cjs");
  writeFileSync(file, BOT_SOURCE);
  // execArgv: [] so that it does not inherit a tsx parent's loader.
  const child = fork(file, [], { stdio: "inherit", execArgv: [] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve(Number(message)));
    child.once("exit", (code) => reject(new Error(`the bot exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => child.kill(),
  };
}
