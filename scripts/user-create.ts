// npm run user:create -- --email E --password P --role admin|staff [--name N]
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

const usage = "usage: npm run user:create -- --email E --password P --role admin|staff [--name N]";
let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
    },
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.email || !values.password || !values.role) {
  console.error(`--email, --password and --role are required.\n${usage}`);
  process.exit(2);
}
const role = values.role.toUpperCase();
if (role !== "ADMIN" && role !== "STAFF") {
  console.error(`--role must be admin or staff, not "${values.role}".`);
  process.exit(2);
}

const result = await createUser(db, {
  email: values.email,
  password: values.password,
  role,
  name: values.name ?? "",
});
await db.$disconnect();
if (result.ok) {
  console.log(
    `Created ${result.user.role.toLowerCase()} ${result.user.email} (id ${result.user.id}).`,
  );
} else if (result.reason === "email_taken") {
  console.error(
    `A user with the email ${values.email.toLowerCase()} already exists; nothing was changed.`,
  );
  process.exit(1);
} else {
  for (const [field, messages] of Object.entries(result.fieldErrors))
    console.error(`${field}: ${messages?.join("; ")}`);
  console.error("Nothing was changed.");
  process.exit(1);
}
