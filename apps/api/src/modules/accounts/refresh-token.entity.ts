import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One refresh token of a session family. Only its SHA-256 is stored. Each use rotates it
 * (the row gets `rotatedAt`, a new row joins the family); presenting a rotated token again
 * means it leaked, and the whole family is revoked.
 */
@Entity('refresh_tokens')
@Index(['tokenHash'], { unique: true })
@Index(['familyId'])
@Index(['userId'])
export class RefreshToken {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The access token issued with this refresh token, revoked with the family. */
  @Column({ type: 'varchar', length: 36 })
  accessJti!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  rotatedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;
}
