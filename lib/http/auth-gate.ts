// Holds requests for Better Auth's endpoints (/api/auth/...) to the console's rules before the
// library sees them (lib/auth/auth-inputs.ts): an endpoint the console does not serve is a 404, a
// body that breaks a rule is a 400 naming the property, in the console's one error shape.
import "server-only";
import { unknownRoute } from "../access/guard-request";
import { authEndpointBody } from "../auth/auth-inputs";
import { parseInput, readJsonBody } from "./parse";

export const AUTH_BASE_PATH = "/api/auth";

/**
 * The request to hand to Better Auth: the same method, URL and headers, with the body as the
 * rules read it (names trimmed); or throws the DomainError to answer with.
 */
export async function gateAuthRequest(request: Request): Promise<Request> {
  const { pathname } = new URL(request.url);
  const path = pathname.slice(AUTH_BASE_PATH.length);
  const method = request.method === "HEAD" ? "GET" : request.method;
  const schema = authEndpointBody(`${method} ${path}`);
  if (schema === undefined) throw unknownRoute(pathname);
  if (schema === null) return request;
  // An endpoint whose every property is optional takes an empty body as `{}`.
  const optional = schema.safeParse({}).success;
  const body = parseInput(schema, await readJsonBody(request, { optional }));
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new Request(request.url, { method, headers, body: JSON.stringify(body) });
}
