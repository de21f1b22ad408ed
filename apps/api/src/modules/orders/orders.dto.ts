import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ORDER_STATUSES, type CancelOrderRequest, type CheckoutRequest, type OrderStatus } from '@pishop/shared';
import { PageQueryDto } from '../../lib/pagination';

export class CheckoutDto implements CheckoutRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be a service slug (lowercase letters, digits and dashes)' })
  @JSONSchema({ description: 'The slug of an active service', example: 'logo-design' })
  serviceSlug!: string;
}

export class OrderListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  @Type(() => String)
  status?: OrderStatus;
}

export class CancelOrderDto {
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  @JSONSchema({ description: 'Why the order is cancelled; the customer sees it in the order thread' })
  reason!: string;
}

export class CustomerCancelOrderDto implements CancelOrderRequest {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @JSONSchema({ description: 'Why (optional); shown in the order thread' })
  reason?: string;
}
