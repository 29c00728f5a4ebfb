// npm run demo-bot -- [--port 3001] [--mode ok] (--secret <channel secret> | --channel <id>)
//                     [--tls-port 3002 --tls-cert <pem> --tls-key <pem>]
// A bot server that checks every webhook's signature with @line/bot-sdk and answers as its mode
// says. Open http://127.0.0.1:<port>/ to switch modes, or POST /control {"mode": "..."}.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { channelSecretReader } from "../lib/dev/demo-bot/channel-secret-reader";
import { startDemoBot } from "../lib/dev/demo-bot/demo-bot";
import { DEMO_BOT_MODES, isDemoBotMode } from "../lib/dev/demo-bot/modes";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.DEMO_BOT_PORT ?? "3001" },
    mode: { type: "string", default: "ok" },
    secret: { type: "string" },
    channel: { type: "string" },
    "tls-port": { type: "string", default: process.env.DEMO_BOT_TLS_PORT ?? "3002" },
    "tls-cert": { type: "string" },
    "tls-key": { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`demo-bot: ${message}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail("--port must be a port number");
if (!isDemoBotMode(values.mode))
  fail(`--mode must be one of ${Object.keys(DEMO_BOT_MODES).join(", ")}`);
if (!values.secret && !values.channel)
  fail("give --secret, or --channel to read it from the console's database");

// With --channel, the bot runs beside the console (npm start) and reads the secret from the
// console's database (DATABASE_URL) with the console's key, as a bot's deployment reads its
// configuration: revealing a secret over the console's API takes an Admin's session.
const readSecret = values.channel ? await channelSecretReader(values.channel) : null;
let cached = values.secret;
async function channelSecret(refresh: boolean): Promise<string> {
  if (values.secret) return values.secret;
  if (cached && !refresh) return cached;
  // The console may have reissued the secret: read it again.
  cached = await (readSecret ?? fail("no channel"))();
  return cached;
}

const tlsCert = values["tls-cert"];
const tlsKey = values["tls-key"];
const bot = await startDemoBot({
  port,
  tls:
    tlsCert && tlsKey
      ? {
          port: Number(values["tls-port"]),
          certificate: {
            cert: readFileSync(tlsCert, "utf8"),
            key: readFileSync(tlsKey, "utf8"),
            certFile: tlsCert,
            keyFile: tlsKey,
          },
        }
      : undefined,
  initialMode: values.mode,
  channelSecret,
  log: (line) => console.log(`[demo-bot] ${line}`),
});
console.log(
  `[demo-bot] listening on ${bot.url} (mode "${bot.mode()}"); webhooks to ${bot.url}/webhook`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void bot.close().then(() => process.exit(0));
  });
}
