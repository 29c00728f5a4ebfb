import { expect, test } from "./fixtures";

// These specs sign in themselves: their browser starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("an operator signs in on the sign-in page, lands on the console and signs out", async ({
  page,
  operator,
  context,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(`${operator.password}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText(
    "The email or the password is not right.",
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
