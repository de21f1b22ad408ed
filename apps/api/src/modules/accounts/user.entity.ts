import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AVATAR_CHOICES, USER_ROLES, type AvatarChoice, type UserRole } from '@pishop/shared';

/**
 * A customer or admin. Email and username are stored normalised (trimmed, lowercase), so
 * their unique keys are case-insensitive on every database. Pi Login accounts have no email
 * (Pi shares none): `email` is nullable rather than a made-up placeholder address.
 */
@Entity('users')
@Index(['email'], { unique: true })
@Index(['username'], { unique: true })
@Index(['piUid'], { unique: true })
export class User {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32 })
  username!: string;

  /** argon2id PHC string; null for accounts that only sign in with Pi. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  displayName!: string | null;

  /** Uploaded avatar: a path relative to MEDIA_ROOT (`avatars/<random>.webp`). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  avatar!: string | null;

  @Column({ type: 'simple-enum', enum: [...AVATAR_CHOICES], nullable: true })
  avatarChoice!: AvatarChoice | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  piUid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  piUsername!: string | null;

  @Column({ type: 'simple-enum', enum: [...USER_ROLES], default: 'customer' })
  role!: UserRole;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLoginAt!: Date | null;
}
