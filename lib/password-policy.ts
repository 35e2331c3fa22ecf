// The length bounds of a password, apart from lib/passwords.ts so that the browser-side
// form schema (lib/admin/user-input.ts) can import them without loading argon2.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
