import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { RefundRequest } from '@pishop/shared';

export class RefundDto implements RefundRequest {
  @IsOptional()
  @IsString()
  @Matches(/^(?=.*[1-9])\d{1,12}(\.\d{1,7})?$/, { message: 'must be a π amount greater than 0 with at most 7 decimals, as a string (e.g. "1.5")' })
  @JSONSchema({ description: 'π to send back; omitted: all that is not refunded yet' })
  amountPi?: string;

  @IsString()
  @IsNotEmpty()
  @MinLength(3)
  @MaxLength(500)
  @JSONSchema({ description: 'Why (kept in the audit trail and told to the customer)' })
  reason!: string;
}
