// TCP-level faults on 127.0.0.1: a port nobody listens on (connect is refused at once) and a
// listener whose accept queue is full, so a new connect never completes.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import net from "node:net";
import type { Readable, Writable } from "node:stream";
import { LOOPBACK, listenOnLoopback } from "./internal";

export interface TcpFault {
  /** "http://127.0.0.1:PORT"; use `port` to build an https:// URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A port that was bound on 127.0.0.1 and freed again, so connecting to it is refused
 * (ECONNREFUSED) unless another process happens to bind it in the meantime. close() does nothing.
 */
export async function refusedPort(): Promise<TcpFault> {
  const server = net.createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://${LOOPBACK}:${port}`, port, close: async () => {} };
}

// listen(0) and never accept(): once one connection sits in the accept queue the queue is full,
// and the kernel drops further SYNs, so a new connect keeps retransmitting its SYN and hangs.
// Two connections from the helper itself fill the queue before the port is announced. The helper
// exits when its stdin closes, so it cannot outlive the test process.
const BLACKHOLE_HELPER = `
import socket, sys, time
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(0)
port = listener.getsockname()[1]
fillers = []
for _ in range(2):
    filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    filler.setblocking(False)
    try:
        filler.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    fillers.append(filler)
    time.sleep(0.05)
print(port, flush=True)
sys.stdin.read()
`;

/**
 * A listener on 127.0.0.1 (held by a python3 child process) whose accept queue is full, so that a
 * client's connect() neither succeeds nor fails for a long time (the SYN is dropped and
 * retransmitted): the "Connection timeout" fault. close() kills the helper, freeing the port.
 */
export async function startBlackholeListener(): Promise<TcpFault> {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    "python3",
    ["-c", BLACKHOLE_HELPER],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      child.kill("SIGKILL");
    }
    await exited;
  };
  child.stdin.on("error", () => {});
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error("blackhole helper did not start")), 10_000);
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split("\n")[0];
        if (stdout.includes("\n") && line) {
          clearTimeout(timer);
          const port = Number(line.trim());
          if (Number.isInteger(port) && port > 0) resolve(port);
          else reject(new Error(`blackhole helper printed ${JSON.stringify(line)}`));
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`blackhole helper exited (${code ?? signal}): ${stderr}`));
      });
    });
    return { url: `http://${LOOPBACK}:${port}`, port, close };
  } catch (error) {
    await close();
    throw error;
  }
}
