import { IsIn, IsOptional, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { STATS_INTERVALS, type AdminStatsQuery, type StatsInterval } from '@pishop/shared';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class AdminStatsQueryDto implements AdminStatsQuery {
  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-01-31' })
  @JSONSchema({ description: 'First day (UTC), default 29 days before `to`' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'must be a date like 2026-01-31' })
  @JSONSchema({ description: 'Last day (UTC, included), default today' })
  to?: string;

  @IsOptional()
  @IsIn(STATS_INTERVALS, { message: 'must be day, week or month' })
  interval?: StatsInterval;
}
