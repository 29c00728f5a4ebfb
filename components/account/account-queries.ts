// The operator's own sessions, from Better Auth's endpoints; the same key serves fetching and
// invalidation after a sign-out or a password change.
import { queryOptions } from "@tanstack/react-query";
import type { Session } from "better-auth";
import { authFetchJson } from "./auth-api";

/** A session as Better Auth's JSON answers carry it: its dates are ISO strings. */
export type SessionView = {
  [K in keyof Session]: Session[K] extends Date ? string : Session[K];
};

export interface OperatorSessions {
  /** Newest first. */
  sessions: SessionView[];
  /** The session of this browser's cookie, null when it has ended meanwhile. */
  currentSessionId: string | null;
}

export const accountKeys = {
  sessions: ["account", "sessions"] as const,
};

/**
 * GET /api/auth/list-sessions with GET /api/auth/get-session, asked together: the session cookie
 * is httpOnly, so only the server can say which listed session is this browser's, and a password
 * change replaces it (with revokeOtherSessions), so it is read again with every list.
 */
export const sessionsQuery = () =>
  queryOptions({
    queryKey: accountKeys.sessions,
    queryFn: async (): Promise<OperatorSessions> => {
      const [sessions, current] = await Promise.all([
        authFetchJson<SessionView[]>("GET /list-sessions"),
        authFetchJson<{ session: SessionView } | null>("GET /get-session"),
      ]);
      return {
        sessions: [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        currentSessionId: current?.session.id ?? null,
      };
    },
    // A 401 or a 403 (sign in again) will not change by asking again.
    retry: false,
  });
