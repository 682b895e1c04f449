/** Run ids are chosen by the client: short, URL-safe. */
export const RUN_ID_PATTERN = "^[A-Za-z0-9_-]{4,64}$";
