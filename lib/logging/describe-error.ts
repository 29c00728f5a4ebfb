// What the server logs of an error it did not expect. Secrets and tokens never appear in logs:
// a Prisma error's message can quote the query with its values (a sealed secret, a token's hash,
// a webhook's content), so of those only the class and code are logged; any other message is
// logged with whatever looks like a credential masked. Imports nothing: every layer may log.

const MASK = "[redacted]";

// A sealed channel secret (v1:nonce:ciphertext), a bearer token, 32 hex characters or more (a
// channel secret, a hash, a key), and a base64 run of 40 characters or more (an access token, a key).
const CREDENTIALS: RegExp[] = [
  /\bv[0-9]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+/g,
  /\b(Bearer)\s+[^\s"',;]+/gi,
  /\b[0-9a-fA-F]{32,}\b/g,
  /[A-Za-z0-9+/_-]{40,}={0,2}/g,
];

/** `text` with anything shaped like a secret, key or token replaced by `[redacted]`. */
export function redactCredentials(text: string): string {
  return CREDENTIALS.reduce(
    (masked, pattern) =>
      masked.replace(pattern, (_match, bearer?: string) =>
        typeof bearer === "string" && /^bearer$/i.test(bearer) ? `${bearer} ${MASK}` : MASK,
      ),
    text,
  );
}

function isPrismaError(error: Error): boolean {
  return error.name.startsWith("PrismaClient") || "clientVersion" in error;
}

/**
 * One loggable description of `error`: for a Prisma error, its class and code only; otherwise
 * its class and message with credentials masked, and its stack frames; causes follow, the same way.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return redactCredentials(String(error));
  let text: string;
  if (isPrismaError(error)) {
    const code = (error as { code?: unknown }).code;
    text = `${error.name}${typeof code === "string" ? ` ${code}` : ""} (message not logged: it may quote the query's values)`;
  } else {
    const frames = (error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .join("\n");
    // Frames hold file paths and function names, never values: left as they are.
    text = `${redactCredentials(`${error.name}: ${error.message}`)}${frames ? `\n${frames}` : ""}`;
  }
  if (error.cause !== undefined && depth < 3) {
    text += `\ncaused by ${describeError(error.cause, depth + 1)}`;
  }
  return text;
}
