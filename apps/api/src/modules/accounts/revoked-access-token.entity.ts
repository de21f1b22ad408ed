import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Access tokens ended before their expiry (logout, leaked family), kept until they expire. */
@Entity('revoked_access_tokens')
@Index(['jti'], { unique: true })
@Index(['expiresAt'])
export class RevokedAccessToken {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 36 })
  jti!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
