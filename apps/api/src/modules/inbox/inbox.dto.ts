import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MESSAGE_MAX_LENGTH, type PostMessageRequest } from '@pishop/shared';

export class PostMessageDto implements PostMessageRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  @JSONSchema({ description: `Plain text, 1 to ${MESSAGE_MAX_LENGTH} characters (shown as text, never as HTML)` })
  body!: string;

  @IsOptional()
  @IsBoolean()
  @JSONSchema({ description: 'Admins only: an internal note the customer never sees' })
  internal?: boolean;
}

export class AdminMessageDto extends PostMessageDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  threadId!: number;
}

export class ThreadReadQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @JSONSchema({ description: 'Older messages: those with an id below this one (does not mark read)' })
  beforeId?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  @JSONSchema({ description: 'Messages per read (default 100, at most 200)' })
  limit?: number;
}
