import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  AVATAR_CHOICES,
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
  type AvatarChoice,
  type LoginRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type PiLoginRequest,
  type RegisterRequest,
  type UpdateMeRequest,
} from '@pishop/shared';

const lowerTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const passwordMessage = `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;

export class RegisterDto implements RegisterRequest {
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email!: string;

  @Transform(lowerTrim)
  @IsString({ message: 'must be text' })
  @Matches(USERNAME_PATTERN, { message: 'must be 3 to 32 letters, digits, "_", "." or "-"' })
  username!: string;

  @IsString({ message: 'must be text' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordMessage })
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @JSONSchema({ description: 'reCAPTCHA v3 token for action `register` (required when reCAPTCHA is on)' })
  recaptchaToken?: string;
}

export class LoginDto implements LoginRequest {
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @Length(1, 254, { message: 'is required' })
  @JSONSchema({ description: 'Email or username' })
  login!: string;

  @IsString({ message: 'must be text' })
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'is required' })
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @JSONSchema({ description: 'reCAPTCHA v3 token for action `login` (required when reCAPTCHA is on)' })
  recaptchaToken?: string;
}

export class PiLoginDto implements PiLoginRequest {
  @IsString({ message: 'must be text' })
  @Length(1, 2048, { message: 'is required' })
  // It travels on to Pi in an Authorization header, which only carries visible ASCII.
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be a Pi access token (visible ASCII characters)' })
  @JSONSchema({ description: 'The access token `Pi.authenticate` returned' })
  accessToken!: string;
}

export class PasswordResetDto implements PasswordResetRequest {
  @Transform(lowerTrim)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @JSONSchema({ description: 'reCAPTCHA v3 token for action `password_reset` (required when reCAPTCHA is on)' })
  recaptchaToken?: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @IsString({ message: 'must be text' })
  @Length(1, 200, { message: 'is required' })
  token!: string;

  @IsString({ message: 'must be text' })
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordMessage })
  password!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty (send null to use your username)' })
  @MaxLength(DISPLAY_NAME_MAX_LENGTH, { message: `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters` })
  displayName?: string | null;

  @IsOptional()
  @IsIn([...AVATAR_CHOICES], { message: `must be one of ${AVATAR_CHOICES.join(', ')}` })
  avatarChoice?: AvatarChoice | null;
}
