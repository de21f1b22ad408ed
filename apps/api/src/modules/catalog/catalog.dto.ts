import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max,
  MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  SERVICE_BULK_ACTIONS, SERVICE_SORTS,
  type ServiceBulkAction, type ServiceBulkRequest, type ServiceFaqInput, type ServiceFeatureInput,
  type ServiceFaqItem, type ServiceFeatureItem, type ServiceInput, type ServiceListQuery, type ServiceSort,
} from '@pishop/shared';
import { PageQueryDto } from '../../lib/pagination';
import { EmptyIfNull, IdListDto, QueryBoolean, Trim } from '../../lib/dto-helpers';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug';
import { MARKDOWN_MAX_LENGTH } from '../../lib/markdown';

/** 1,000,000.00 EUR: a typo guard, not a business rule. */
export const MAX_PRICE_EUR_CENTS = 100_000_000;

export class ServiceListQueryDto extends PageQueryDto implements ServiceListQuery {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @JSONSchema({ description: 'Text search in title, summary and description' })
  q?: string;

  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  @JSONSchema({ description: 'Only featured (true) or only non-featured (false) services' })
  featured?: boolean;

  @IsOptional()
  @IsIn(SERVICE_SORTS)
  @JSONSchema({ description: '`position` (default), `price`, `-price`, `newest`, `title`' })
  sort?: ServiceSort = 'position';
}

/** Features and FAQs a service carries at most (a typo guard for one form). */
export const MAX_SERVICE_PARTS = 100;

/** What a feature says, in the service form's list and in the single-feature routes alike. */
class ServiceFeatureFieldsDto {
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  title!: string;

  @EmptyIfNull()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

/** What an FAQ says, in the service form's list and in the single-FAQ routes alike. */
class ServiceFaqFieldsDto {
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(300)
  question!: string;

  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(4000)
  answer!: string;
}

export class ServiceFeatureItemDto extends ServiceFeatureFieldsDto implements ServiceFeatureItem {
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;
}

export class ServiceFaqItemDto extends ServiceFaqFieldsDto implements ServiceFaqItem {
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;
}

const partItems = (props: Record<string, object>, required: string[]) => ({
  type: 'array' as const,
  maxItems: MAX_SERVICE_PARTS,
  items: { type: 'object' as const, properties: { id: { type: 'integer' as const, minimum: 1, description: 'Omit for a new one' }, ...props }, required },
});

export class ServiceInputDto implements ServiceInput {
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @ValidateIf((o: ServiceInputDto) => o.slug !== '')
  @Matches(SLUG_PATTERN, { message: 'must be lowercase letters, digits and single dashes (e.g. landing-page)' })
  @JSONSchema({ description: 'Made from the title when empty or missing on create' })
  slug?: string;

  @EmptyIfNull()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  summary?: string;

  @EmptyIfNull()
  @IsOptional()
  @IsString()
  @MaxLength(MARKDOWN_MAX_LENGTH)
  @JSONSchema({ description: 'Markdown; answered rendered and sanitised as descriptionHtml' })
  description?: string;

  @IsInt({ message: 'must be a whole number of cents' })
  @Min(0)
  @Max(MAX_PRICE_EUR_CENTS)
  priceEurCents!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  imageMediaId?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  previewMediaId?: number | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsBoolean()
  featured?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @JSONSchema({ description: 'Order in lists (ascending); new services go last' })
  position?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_PARTS)
  @ValidateNested({ each: true })
  @Type(() => ServiceFeatureItemDto)
  @JSONSchema({
    ...partItems({ title: { type: 'string', maxLength: 200 }, description: { type: 'string', maxLength: 1000 } }, ['title']),
    description: 'The whole list, in display order, saved with the service: with id = updated, without = created, missing = deleted. Omit to leave them as they are.',
  })
  features?: ServiceFeatureItemDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_PARTS)
  @ValidateNested({ each: true })
  @Type(() => ServiceFaqItemDto)
  @JSONSchema({
    ...partItems({ question: { type: 'string', maxLength: 300 }, answer: { type: 'string', maxLength: 4000 } }, ['question', 'answer']),
    description: 'The whole list of FAQs, saved like `features`.',
  })
  faqs?: ServiceFaqItemDto[];
}

export class ServiceFeatureInputDto extends ServiceFeatureFieldsDto implements ServiceFeatureInput {
  @IsInt()
  @Min(1)
  serviceId!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

export class ServiceFaqInputDto extends ServiceFaqFieldsDto implements ServiceFaqInput {
  @IsInt()
  @Min(1)
  serviceId!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

export class ServiceBulkDto extends IdListDto implements ServiceBulkRequest {
  @IsIn(SERVICE_BULK_ACTIONS)
  action!: ServiceBulkAction;
}
