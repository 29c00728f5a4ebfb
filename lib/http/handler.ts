import "server-only";
import type { Grant } from "../access/actor";
import { guardRequest, unknownRoute } from "../access/guard-request";
import { sql } from "../db/sql-driver";
import type { BodyOf, Endpoint, ParamsOf, QueryOf } from "./endpoint";
import { parseInput, parseSearchParams, readJsonBody } from "./parse";
import { notStored, toErrorResponse } from "./respond";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** What a route handler is given: the request, and its parts checked against the endpoint. */
export interface RouteInput<E extends Endpoint> {
  request: Request;
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  grant: Grant;
}

/**
 * Serves an endpoint (lib/http/endpoint.ts): the access it declares is enforced first
 * (lib/access/guard-request.ts), then its query string and JSON body are parsed with its schemas
 * (a 400 naming the field), and every thrown error leaves as the one JSON error shape. Handlers
 * stay thin: call lib with the parsed input and the grant → respond. No path is matched here:
 * Next picked the route, and the route knows its endpoint.
 */
export function route<E extends Endpoint>(
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      // Fail closed: a file exporting this handler under another method's name is not served.
      const method = request.method === "HEAD" ? "GET" : request.method;
      if (method !== endpoint.method) throw unknownRoute(new URL(request.url).pathname);
      const params = (await context.params) as Record<string, string | undefined>;
      const grant = await guardRequest(sql, request, endpoint.access, params);
      const query = endpoint.query ? parseSearchParams(request, await endpoint.query()) : undefined;
      const body = endpoint.body
        ? parseInput(
            await endpoint.body(),
            await readJsonBody(request, { optional: endpoint.bodyOptional ?? false }),
          )
        : undefined;
      return notStored(
        await handler({
          request,
          params: params as ParamsOf<E>,
          query: query as QueryOf<E>,
          body: body as BodyOf<E>,
          grant,
        }),
      );
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
