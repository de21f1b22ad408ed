/** Building blocks of the response JSON schemas (serialisation and the OpenAPI document). */
export const str = { type: 'string' } as const;
export const int = { type: 'integer' } as const;
export const bool = { type: 'boolean' } as const;
export const date = { type: 'string', format: 'date-time' } as const;
export const nullableStr = { type: ['string', 'null'] } as const;
export const nullableInt = { type: ['integer', 'null'] } as const;
export const nullableDate = { type: ['string', 'null'], format: 'date-time' } as const;
