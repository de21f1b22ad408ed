import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyScope } from '@pishop/shared';

/**
 * A key a partner's server holds. Only the SHA-256 of the secret is stored; the secret is
 * shown once, when the key is created or rotated. Revoking keeps the row (audit).
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The secret's first characters (`pishop_` + 8), to tell keys apart in lists and logs. */
  @Column({ type: 'varchar', length: 24 })
  prefix!: string;

  @Index('UQ_api_keys_secret_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ type: 'json' })
  scopes!: ApiKeyScope[];

  /** The admin who created it: admin routes called with the key act as this admin. */
  @Column({ type: 'int' })
  createdById!: number;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  rotatedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;
}
