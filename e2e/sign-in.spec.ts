import { expect, test } from "./fixtures";
import { DEMO_OPERATOR_EMAIL } from "./support/demo-operator";

// These specs sign in themselves: their browser starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("an operator signs in on the sign-in page, lands on the console and signs out", async ({
  page,
  operator,
  context,
}) => {
  await page.goto("/sign-in");
  // Started as `npm start` starts it, the page says where the demo operator's password is.
  await expect(page.getByTestId("demo-sign-in-hint")).toHaveText(
    `Trying the demo? Sign in as ${DEMO_OPERATOR_EMAIL} with the password printed in the terminal that ran npm start when it first created this operator. To set a new one: npm run operator -- reset-password ${DEMO_OPERATOR_EMAIL}`,
  );
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(`${operator.password}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect" })).toHaveText(
    "Incorrect email or password.",
  );

  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByTestId("signed-in-operator")).toHaveText(operator.email);

  const cookie = (await context.cookies()).find((c) => c.name.endsWith("session_token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId("signed-in-operator")).toHaveCount(0);
  expect((await context.cookies()).some((c) => c.name.endsWith("session_token"))).toBe(false);
  await page.goto("/console");
  await expect(page.getByTestId("signed-in-operator")).toHaveCount(0);
});
