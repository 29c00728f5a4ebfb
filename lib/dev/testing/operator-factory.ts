// The client of operator-factory-process.mts: one such process per calling process, started on
// the first request and ended with it, asked one request at a time.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";

export interface CreatedOperator {
  email: string;
  password: string;
}

let factory: { child: ChildProcess; lines: Interface; queue: Promise<unknown> } | null = null;

function start() {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/dev/testing/operator-factory-process.mts",
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  // It must not keep this process alive, nor outlive it.
  child.unref();
  for (const pipe of [child.stdin, child.stdout])
    (pipe as { unref?: () => void } | null)?.unref?.();
  process.once("exit", () => child.kill());
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return { child, lines, queue: Promise.resolve() as Promise<unknown> };
}

/** Creates an operator on `databaseUrl`'s database, as `npm run operator -- create` does. */
export function createOperatorVia(databaseUrl: string, email: string): Promise<CreatedOperator> {
  factory ??= start();
  const { child, lines } = factory;
  const request = factory.queue.then(
    () =>
      new Promise<CreatedOperator>((resolve, reject) => {
        const exited = (code: number | null) =>
          reject(new Error(`the operator factory exited (${code})`));
        child.once("exit", exited);
        lines.once("line", (line) => {
          child.off("exit", exited);
          const answer = JSON.parse(line) as Partial<CreatedOperator> & { error?: string };
          if (answer.error || !answer.email || !answer.password) {
            reject(new Error(`creating ${email}: ${answer.error ?? line}`));
          } else {
            resolve({ email: answer.email, password: answer.password });
          }
        });
        child.stdin?.write(`${JSON.stringify({ email, databaseUrl })}\n`);
      }),
  );
  factory.queue = request.catch(() => {});
  return request;
}
