import { answerWithRequestId } from "@/lib/http/line-route";
import { errorResponse } from "@/lib/http/respond";

// Any other /v2 path: LINE's 404, with a request id like every /v2 answer. The console
// implements only the webhook endpoint API of the Messaging API.
const notFound = (request: Request) =>
  answerWithRequestId(request, async () => errorResponse(404, "Not found"));

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
