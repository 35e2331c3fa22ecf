import { z } from "zod";
import { checkbox, optionalLine } from "@/lib/admin/form-fields";

// Same minimum as lib/passwords.ts (which the browser cannot import: it loads argon2).
// The full strength check runs on the server (lib/admin/users.ts); user-input.test.ts
// keeps the two numbers equal.
export const PASSWORD_MIN_LENGTH = 12;

const newPassword = z
  .string({ error: "required" })
  .min(PASSWORD_MIN_LENGTH, "password_too_short")
  .max(256, "too_long");

const role = z.enum(["ADMIN", "STAFF"], { error: "invalid_choice" });

export const newUserForm = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .pipe(z.email("invalid_email").max(254, "too_long")),
  name: optionalLine(200),
  role,
  password: newPassword,
});

export const userUpdateInput = z.object({
  name: optionalLine(200),
  role,
  isActive: checkbox,
});

export const passwordResetInput = z.object({ password: newPassword });

export type NewUserForm = z.output<typeof newUserForm>;
export type UserUpdateInput = z.output<typeof userUpdateInput>;
