// Checks every answer of the LINE-compatible API that a test receives against LINE's OpenAPI
// schemas (./line-openapi, an excerpt of line/line-openapi's messaging-api.yml). Tests send their
// /v2 calls, the official SDK's included, through a recording proxy on 127.0.0.1; when the test
// ends, each recorded answer must validate and carry LINE's X-Line-Request-Id.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

interface OpenApiExcerpt {
  paths: Record<string, Record<string, Record<string, string | null>>>;
  schemas: Record<string, object>;
}

const excerpt = JSON.parse(
  readFileSync(path.join(__dirname, "line-openapi", "messaging-api.webhook.json"), "utf8"),
) as OpenApiExcerpt;

// OpenAPI 3.0 schemas are JSON Schema with extra keywords; `strict: false` lets Ajv ignore those.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ schemas: excerpt.schemas }, "line");
const validators = new Map<string, ValidateFunction>();
function validatorOf(schema: string): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ $ref: `line#/schemas/${schema}` });
    validators.set(schema, validate);
  }
  return validate;
}

/** One request through the proxy and what came back. */
export interface LineExchange {
  method: string;
  path: string;
  status: number;
  requestId: string | null;
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What is wrong with an answer by LINE's spec; empty when it conforms. */
export function conformanceProblems(exchange: LineExchange): string[] {
  const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  const problems: string[] = [];
  if (!exchange.requestId || !UUID.test(exchange.requestId)) {
    problems.push(`${where}: X-Line-Request-Id is ${JSON.stringify(exchange.requestId)}`);
  }
  if (exchange.status >= 500) problems.push(`${where}: a server error`);
  if (exchange.method === "HEAD") return problems;
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return [...problems, `${where}: the body is not JSON: ${exchange.body.slice(0, 200)}`];
  }
  const pathname = exchange.path.split("?")[0] ?? "";
  const schema =
    exchange.status < 300
      ? excerpt.paths[pathname]?.[exchange.method.toLowerCase()]?.[String(exchange.status)]
      : "ErrorResponse";
  if (schema === undefined) return [...problems, `${where}: LINE's spec has no such answer`];
  if (schema === null) {
    // No schema in LINE's spec (PUT …/endpoint): an empty object, as LINE sends.
    if (JSON.stringify(body) !== "{}") problems.push(`${where}: expected {}, got ${exchange.body}`);
    return problems;
  }
  const validate = validatorOf(schema);
  if (!validate(body)) {
    problems.push(
      `${where}: not a ${schema}: ${ajv.errorsText(validate.errors)} in ${exchange.body}`,
    );
  }
  return problems;
}

/** A recording proxy in front of the console: point the SDK (or raw requests) at `url`. */
export interface LineApiRecorder {
  url: string;
  exchanges: LineExchange[];
  close(): Promise<void>;
}

export async function startLineApiRecorder(target: string): Promise<LineApiRecorder> {
  const exchanges: LineExchange[] = [];
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      // The proxy reads bodies whole: no compression, its own connection handling.
      if (["host", "connection", "accept-encoding", "content-length"].includes(name)) continue;
      if (typeof value === "string") headers.set(name, value);
    }
    const method = incoming.method ?? "GET";
    const response = await fetch(new URL(incoming.url ?? "/", target), {
      method,
      headers,
      body: chunks.length && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : null,
      redirect: "manual",
    });
    const body = await response.text();
    exchanges.push({
      method,
      path: incoming.url ?? "/",
      status: response.status,
      requestId: response.headers.get("x-line-request-id"),
      body,
    });
    const passed: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (
        !["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name)
      ) {
        passed[name] = value;
      }
    });
    outgoing.writeHead(response.status, passed).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
