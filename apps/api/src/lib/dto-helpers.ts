import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MAX_ADMIN_RANGE, type ReorderRequest } from '@pishop/shared';

/** Trims strings before validation (other values pass through to fail their checks). */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Query-string booleans: "true"/"1" → true, "false"/"0" → false; anything else is left
 * as is so `@IsBoolean()` refuses it with a 400.
 */
export const QueryBoolean = () =>
  Transform(({ value }) => {
    if (value === 'true' || value === '1' || value === true) return true;
    if (value === 'false' || value === '0' || value === false) return false;
    return value;
  });

/** `{ids: [...]}` bodies of admin bulk and reorder endpoints (1 to MAX_ADMIN_RANGE ids). */
export class IdListDto implements ReorderRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ADMIN_RANGE)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @JSONSchema({ description: 'Record ids; for reorder, in their new order' })
  ids!: number[];
}

/**
 * react-admin sends `null` for an emptied text input: optional text fields read it as ''
 * (cleared), so a NOT NULL text column never receives null.
 */
export const EmptyIfNull = () => Transform(({ value }) => (value === null ? '' : value));
