import "server-only";
import type { NextRequest } from "next/server";
import type { Grant } from "../access/actor";
import { guardRequest, unknownRoute } from "../access/guard-request";
import { sql } from "../db/sql-driver";
import { notStored, toErrorResponse } from "./respond";
import { matchRoute, routeAccess } from "./route-table";

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler so that the access the route table declares for its path and method is
 * enforced before it runs (lib/access/guard-request.ts), and every thrown error leaves as the one
 * JSON error shape. Handlers stay thin: parse (zod) → call lib with the grant → respond.
 */
export function route<Params = Record<string, never>>(
  handler: (request: Request, params: Params, grant: Grant) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const params = await context.params;
      // Next hands route handlers a NextRequest, whose URL is parsed already.
      const { pathname } = (request as Partial<NextRequest>).nextUrl ?? new URL(request.url);
      const pattern = matchRoute(pathname);
      const access = pattern ? routeAccess(pattern, request.method) : null;
      // Fail closed: a handler the table does not describe is not served.
      if (!access) throw unknownRoute(pathname);
      const grant = await guardRequest(
        sql,
        request,
        access,
        params as Record<string, string | undefined>,
      );
      return notStored(await handler(request, params, grant));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
