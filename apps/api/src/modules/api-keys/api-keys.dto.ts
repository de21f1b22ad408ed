import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { API_KEY_SCOPES, type ApiKeyScope, type CreateApiKeyRequest } from '@pishop/shared';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @JSONSchema({ description: 'What the key is for (shown in the back office)', example: 'Accounting sync' })
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @IsIn(API_KEY_SCOPES, { each: true })
  @JSONSchema({ description: `What the key may do: ${API_KEY_SCOPES.join(', ')}`, example: ['catalog:read'] })
  scopes!: ApiKeyScope[];

  @IsOptional()
  @IsISO8601({ strict: true })
  @JSONSchema({ description: 'When the key stops working (ISO date-time, in the future); none = never', example: '2027-01-31T00:00:00Z' })
  expiresAt?: string | null;
}
