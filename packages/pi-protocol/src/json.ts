/** A JSON object, as Pi's `metadata` must be. */
export type JsonObject = { [key: string]: unknown };
