import { z } from "zod";
import { checkbox, optionalLine } from "@/lib/admin/form-fields";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-policy";

// The length bounds only: the full strength rule (lib/passwords.ts) loads argon2 and
// runs on the server, in createUser and resetStaffPassword.
const newPassword = z
  .string({ error: "required" })
  .min(MIN_PASSWORD_LENGTH, "password_too_short")
  .max(MAX_PASSWORD_LENGTH, "too_long");

const role = z.enum(["ADMIN", "STAFF"], { error: "invalid_choice" });

/** A new account, from the admin form or `npm run user:create`: the one user schema. */
export const newUserInput = z.object({
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

/** What a caller hands in; `name` may be left out. */
export type NewUserInput = {
  email: string;
  password: string;
  role: "ADMIN" | "STAFF";
  name?: string;
};
export type UserUpdateInput = z.output<typeof userUpdateInput>;
