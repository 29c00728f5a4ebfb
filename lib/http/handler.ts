import { toErrorResponse } from "./respond";

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler so that every thrown error leaves as the one JSON error shape.
 * Handlers stay thin: parse (zod) → authorize → call lib → respond.
 */
export function route<Params = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
