// The Better Auth endpoints the console serves, each with the console's rules for its body: the
// library's own checks are looser (any length of name, extra properties ignored), and an endpoint
// the console does not use (sign-up, password-reset mail, email change, account deletion, social
// accounts) is not served at all. app/api/auth/[...all]/route.ts applies this table
// (lib/http/auth-gate.ts) before the library sees a request. Pure.
import { z } from "zod";
import { newPasswordInput, PASSWORD_MAX_LENGTH } from "../shared/account-input";

const text = (max: number) =>
  z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const password = text(PASSWORD_MAX_LENGTH);
const nothing = z.strictObject({});

/** `METHOD /path` under /api/auth → the body it takes (null: a GET, no body). */
export const AUTH_ENDPOINTS = {
  "GET /get-session": null,
  "GET /list-sessions": null,
  "POST /sign-in/email": z.strictObject({
    email: text(254),
    password,
    rememberMe: z.boolean({ error: "must be true or false" }).optional(),
  }),
  "POST /sign-out": nothing,
  "POST /change-password": z.strictObject({
    currentPassword: password,
    newPassword: newPasswordInput,
    revokeOtherSessions: z.boolean({ error: "must be true or false" }).optional(),
  }),
  "POST /revoke-session": z.strictObject({ token: text(200) }),
  "POST /revoke-sessions": nothing,
  "POST /revoke-other-sessions": nothing,
  "POST /update-user": z.strictObject({
    name: z
      .string({ error: "must be a string" })
      .trim()
      .min(1, "must not be empty")
      .max(100, "must be at most 100 characters"),
  }),
  "POST /two-factor/enable": z.strictObject({ password }),
  "POST /two-factor/disable": z.strictObject({ password }),
  "POST /two-factor/generate-backup-codes": z.strictObject({ password }),
  "POST /two-factor/verify-totp": z.strictObject({ code: text(12) }),
  "POST /two-factor/verify-backup-code": z.strictObject({ code: text(40) }),
} as const satisfies Record<string, z.ZodType | null>;

/** One of the endpoints above: how the browser names the one it calls. */
export type AuthEndpoint = keyof typeof AUTH_ENDPOINTS;

/** What the browser sends to `E`: its schema's input (undefined for a GET). */
export type AuthBody<E extends AuthEndpoint> = (typeof AUTH_ENDPOINTS)[E] extends z.ZodType
  ? z.input<(typeof AUTH_ENDPOINTS)[E]>
  : undefined;

/** The schema of `METHOD /path`, undefined when the console does not serve it. */
export function authEndpointBody(key: string): z.ZodType | null | undefined {
  return Object.hasOwn(AUTH_ENDPOINTS, key) ? AUTH_ENDPOINTS[key as AuthEndpoint] : undefined;
}
