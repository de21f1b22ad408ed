import {
  IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateIf,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  POST_BULK_ACTIONS, POST_SORTS, PROJECT_SORTS,
  type PageInput, type PostBulkAction, type PostBulkRequest, type PostInput, type PostListQuery, type PostSort, type ProjectInput, type ProjectListQuery, type ProjectSort,
} from '@pishop/shared';
import { PageQueryDto } from '../../lib/pagination';
import { EmptyIfNull, IdListDto, Trim } from '../../lib/dto-helpers';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../lib/slug';
import { MARKDOWN_MAX_LENGTH } from '../../lib/markdown';

const SLUG_MESSAGE = 'must be lowercase letters, digits and single dashes (e.g. my-first-post)';

export class PostListQueryDto extends PageQueryDto implements PostListQuery {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @JSONSchema({ description: 'Text search in title, excerpt and body' })
  q?: string;

  @IsOptional()
  @IsIn(POST_SORTS)
  @JSONSchema({ description: '`newest` (default), `oldest`, `title`' })
  sort?: PostSort = 'newest';
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @JSONSchema({ description: 'Text search in title and description' })
  q?: string;

  @IsOptional()
  @IsIn(PROJECT_SORTS)
  @JSONSchema({ description: '`position` (default), `newest`, `title`' })
  sort?: ProjectSort = 'position';
}

/** Shared by the three inputs: title and an optional slug (made from the title when empty). */
abstract class TitledInputDto {
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'is required' })
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @ValidateIf((o: TitledInputDto) => o.slug !== '')
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @JSONSchema({ description: 'Made from the title when empty or missing on create' })
  slug?: string;
}

export class PostInputDto extends TitledInputDto implements PostInput {
  @EmptyIfNull()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  excerpt?: string;

  @EmptyIfNull()
  @IsOptional()
  @IsString()
  @MaxLength(MARKDOWN_MAX_LENGTH)
  @JSONSchema({ description: 'Markdown; answered rendered and sanitised as bodyHtml' })
  body!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  imageMediaId?: number | null;

  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO date-time like 2025-01-31T09:00:00Z' })
  @JSONSchema({ description: 'Set to now when a post is published without one; a future date keeps it hidden until then' })
  publishedAt?: string | null;
}

export class ProjectInputDto extends TitledInputDto implements ProjectInput {
  @EmptyIfNull()
  @IsOptional()
  @IsString()
  @MaxLength(MARKDOWN_MAX_LENGTH)
  @JSONSchema({ description: 'Markdown; answered rendered and sanitised as descriptionHtml' })
  description?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  imageMediaId?: number | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  previewMediaId?: number | null;

  @IsOptional()
  @Trim()
  @ValidateIf((o: ProjectInputDto) => o.link !== '')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'must be an http(s) URL' })
  @MaxLength(500)
  link?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

export class PageInputDto extends TitledInputDto implements PageInput {
  @EmptyIfNull()
  @IsOptional()
  @IsString()
  @MaxLength(MARKDOWN_MAX_LENGTH)
  @JSONSchema({ description: 'Markdown; answered rendered and sanitised as bodyHtml' })
  body!: string;
}

export class PostBulkDto extends IdListDto implements PostBulkRequest {
  @IsIn(POST_BULK_ACTIONS)
  action!: PostBulkAction;
}
