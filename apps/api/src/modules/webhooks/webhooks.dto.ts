import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '@pishop/shared';

export class UpdateWebhookEndpointDto {
  @IsString()
  @MinLength(8)
  @MaxLength(2000)
  @JSONSchema({ description: 'Where deliveries are POSTed: a public http(s) URL', example: 'https://partner.example.com/pishop/webhooks' })
  url!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DOMAIN_EVENT_TYPES.length)
  @IsIn(DOMAIN_EVENT_TYPES, { each: true })
  @JSONSchema({ description: `Events sent to it: ${DOMAIN_EVENT_TYPES.join(', ')}`, example: ['order.paid'] })
  events!: DomainEventType[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @IsOptional()
  @IsBoolean()
  @JSONSchema({ description: 'false pauses it: new events are not queued for it' })
  enabled?: boolean;
}

export class CreateWebhookEndpointDto extends UpdateWebhookEndpointDto {
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @JSONSchema({ description: 'Signs deliveries (16+ characters); a random `whsec_...` one when omitted. Shown only in the create answer.' })
  secret?: string;
}
