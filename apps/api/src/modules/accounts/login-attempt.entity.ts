import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed sign-ins for one login from one IP (django-axes style). In the database so that
 * restarts and several instances see the same counts.
 */
@Entity('login_attempts')
@Index(['login', 'ip'], { unique: true })
@Index(['lockedUntil'])
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** The account's username when the login names one, else the normalised login typed. */
  @Column({ type: 'varchar', length: 254 })
  login!: string;

  @Column({ type: 'varchar', length: 45 })
  ip!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'datetime', precision: 3 })
  firstFailureAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  lastFailureAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;
}
