import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DISPLAY_NAME_MAX_LENGTH, USER_ROLES, type UserRole } from '@pishop/shared';

/** PUT /admin/users/:id: the editable fields (the rest of the record is ignored). */
export class AdminUserUpdateDto {
  @IsOptional()
  @IsIn([...USER_ROLES], { message: 'must be customer or admin' })
  role?: UserRole;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isActive?: boolean;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'must be text' })
  @MaxLength(DISPLAY_NAME_MAX_LENGTH, { message: `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters` })
  displayName?: string | null;
}
