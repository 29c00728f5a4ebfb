// npm run operator -- create <email> [name] | reset-password <email>
// Operators' accounts on the console's database (DATABASE_URL, as the server): `create` makes an
// operator and `reset-password` gives one a new password (and signs them out everywhere); both
// print the password, generated from the CSPRNG and stored nowhere but as its hash.
import { createStandaloneAuth } from "../lib/auth/auth";
import { createOperator, resetOperatorPassword } from "../lib/auth/operators";
import { resolveDatabaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";

const [command, email, name] = process.argv.slice(2);
if (!email || (command !== "create" && command !== "reset-password")) {
  console.error("usage: npm run operator -- create <email> [name] | reset-password <email>");
  process.exit(2);
}

const config = resolveDatabaseConfig();
await migrate(config);
const { auth, close } = createStandaloneAuth(config);
try {
  if (command === "create") {
    const created = await createOperator(auth, { email, name });
    if (!created) {
      console.error(`An operator with the email ${email} exists: use reset-password.`);
      process.exitCode = 1;
    } else {
      console.log(JSON.stringify({ email: created.email, password: created.password }));
    }
  } else {
    const reset = await resetOperatorPassword(auth, email);
    if (!reset) {
      console.error(`No operator has the email ${email}.`);
      process.exitCode = 1;
    } else {
      console.log(JSON.stringify({ email: reset.email, password: reset.password }));
    }
  }
} finally {
  await close();
}
