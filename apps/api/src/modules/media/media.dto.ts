import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { RecompressMediaRequest } from '@pishop/shared';

/** At most this many items per bulk recompress. */
export const MAX_RECOMPRESS_IDS = 100;

export class MediaIdParamsDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id!: number;
}

export class RecompressMediaDto implements RecompressMediaRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECOMPRESS_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @JSONSchema({ description: `Media ids (1 to ${MAX_RECOMPRESS_IDS})` })
  ids!: number[];
}
