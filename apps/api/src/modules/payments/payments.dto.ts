import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { PiApproveRequest, PiCancelRequest, PiCompleteRequest, PiIncompleteRequest, PiWebhookRequest } from '@pishop/shared';

const PI_ID = /^[A-Za-z0-9_-]{1,100}$/;
const TXID = /^[A-Za-z0-9]{1,100}$/;

export class PiApproveDto implements PiApproveRequest {
  @IsString()
  @Matches(PI_ID, { message: 'must be a Pi payment identifier' })
  @JSONSchema({ description: 'The Pi payment identifier the SDK passed to onReadyForServerApproval' })
  paymentId!: string;
}

export class PiCancelDto extends PiApproveDto implements PiCancelRequest {}

export class PiCompleteDto implements PiCompleteRequest {
  @IsString()
  @Matches(PI_ID, { message: 'must be a Pi payment identifier' })
  paymentId!: string;

  @IsString()
  @Matches(TXID, { message: 'must be a transaction id' })
  @JSONSchema({ description: 'The txid the SDK passed to onReadyForServerCompletion' })
  txid!: string;
}

class IncompleteTransactionDto {
  @IsString()
  @Matches(TXID, { message: 'must be a transaction id' })
  txid!: string;
}

class IncompletePaymentDto {
  @IsString()
  @Matches(PI_ID, { message: 'must be a Pi payment identifier' })
  identifier!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IncompleteTransactionDto)
  transaction?: IncompleteTransactionDto | null;
}

export class PiIncompleteDto implements PiIncompleteRequest {
  @IsObject()
  @ValidateNested()
  @Type(() => IncompletePaymentDto)
  @JSONSchema({ description: "The PaymentDTO the SDK passed to onIncompletePaymentFound (only its identifier is trusted; the rest is re-read from Pi)" })
  payment!: IncompletePaymentDto;
}

export class PiWebhookDto implements PiWebhookRequest {
  @IsString()
  @Matches(PI_ID, { message: 'must be a Pi payment identifier' })
  paymentId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  event?: string;
}

export class BulkStatusDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids!: number[];

  @IsIn(['failed'], { message: 'must be "failed" (only Pi confirms payments)' })
  status!: 'failed';

  @IsString()
  @IsNotEmpty()
  @MinLength(3)
  @MaxLength(500)
  @JSONSchema({ description: 'Why: kept in each payment’s audit trail' })
  reason!: string;
}

export class ReasonDto {
  @IsString()
  @IsNotEmpty()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
