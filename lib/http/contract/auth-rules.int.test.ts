// The authentication routes held to the console's rules (lib/auth/auth-inputs.ts, through
// lib/http/auth-gate.ts), and error answers bounded whatever the body, through the route handlers
// in process (moved from e2e/api/auth-rules.api.spec.ts): a name is a string of 1 to 100
// characters, a property the console does not take is named as unknown, an endpoint of the
// library that the console does not serve is a 404, and thousands of bad properties get a short
// list and a count.
import { describe, expect, it } from "vitest";
import * as authRoute from "../../../app/api/auth/[...all]/route";
import * as providersRoute from "../../../app/api/providers/route";
import { useConsoleInProcess } from "../../dev/testing/console-in-process";
import { TEST_PROVIDERS } from "../../dev/testing/test-database";

describe.each(TEST_PROVIDERS)("on %s", (provider) => {
  const app = useConsoleInProcess(provider);

  describe("the authentication routes follow the console's rules", () => {
    it("a name is a string of 1 to 100 characters, and nothing else is taken", async () => {
      const { api } = await app().signedIn();
      const update = (json: unknown) =>
        api.call(authRoute.POST, { method: "POST", path: "/api/auth/update-user", json });
      const cases: [unknown, string][] = [
        [{ name: "x".repeat(101) }, "name: must be at most 100 characters"],
        [{ name: "   " }, "name: must not be empty"],
        [{ name: 42 }, "name: must be a string"],
        [{ name: "Ops", consoleAdmin: true }, "consoleAdmin: is not a known property"],
        [{ name: "Ops", image: "http://127.0.0.1:9/x.png" }, "image: is not a known property"],
        [["name"], "(body): Invalid input: expected object, received array"],
      ];
      for (const [body, message] of cases) {
        const answer = await update(body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.headers.get("cache-control")).toBe("no-store");
        expect(((await answer.json()) as { message: string }).message).toBe(message);
      }
      const renamed = await update({ name: "  Ops Person  " });
      expect(renamed.status).toBe(200);
      const session = (await (
        await api.call(authRoute.GET, { method: "GET", path: "/api/auth/get-session" })
      ).json()) as { user: { name: string; consoleAdmin: boolean } };
      expect(session.user.name).toBe("Ops Person");
      // The refused bodies changed nothing: not the name, not the role.
      expect(session.user.consoleAdmin).toBe(false);
    });

    it("endpoints the console does not serve are 404s in its error shape", async () => {
      const { api } = await app().signedIn();
      for (const path of [
        "/api/auth/sign-up/email",
        "/api/auth/delete-user",
        "/api/auth/change-email",
        "/api/auth/request-password-reset",
        "/api/auth/two-factor/get-totp-uri",
      ]) {
        const answer = await api.call(authRoute.POST, {
          method: "POST",
          path,
          json: { email: "someone@e2e.test", password: "a-long-enough-password", name: "x" },
        });
        expect(answer.status, path).toBe(404);
        expect(((await answer.json()) as { message: string }).message).toBe(
          `Route ${JSON.stringify(path)} not found`,
        );
      }
      // Nobody signed up: there is still no account for the address.
      const signIn = await api.call(authRoute.POST, {
        method: "POST",
        path: "/api/auth/sign-in/email",
        json: { email: "someone@e2e.test", password: "a-long-enough-password" },
      });
      expect(signIn.status).toBe(401);
    });
  });

  describe("error answers are bounded", () => {
    const manyUnknown = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`unknown${i}`, "x".repeat(20)]),
    );
    const handlers = {
      "/api/providers": providersRoute.POST,
      "/api/auth/update-user": authRoute.POST,
    };

    for (const [path, handler] of Object.entries(handlers)) {
      it(`${path}: 5,000 unknown properties get ten and a count, far smaller than the request`, async () => {
        const { api } = await app().signedIn();
        const sent = JSON.stringify({ name: "Bounded", ...manyUnknown });
        const answer = await api.call(handler, {
          method: "POST",
          path,
          body: sent,
        });
        expect(answer.status).toBe(400);
        const text = await answer.text();
        expect(text.length).toBeLessThan(2000);
        expect(text.length).toBeLessThan(sent.length / 50);
        const body = JSON.parse(text) as {
          message: string;
          details: { property: string; message: string }[];
        };
        expect(body.message).toBe("unknown0: is not a known property");
        expect(body.details).toHaveLength(11);
        expect(body.details.at(-1)).toEqual({
          property: "(more)",
          message: "4990 more problems are not listed",
        });
      });
    }
  });
});
