import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn,
} from 'typeorm';

/** A service the studio sells. Description is Markdown, rendered and sanitised on read. */
@Entity('services')
@Index('IDX_services_active_position', ['active', 'position'])
export class Service {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Index('UQ_services_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  summary!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'int' })
  priceEurCents!: number;

  /** Media ids (the media module owns the `media` table; no foreign key on purpose). */
  @Column({ type: 'int', nullable: true })
  imageMediaId!: number | null;

  @Column({ type: 'int', nullable: true })
  previewMediaId!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'boolean', default: false })
  featured!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;

  @OneToMany(() => ServiceFeature, (f) => f.service)
  features?: ServiceFeature[];

  @OneToMany(() => ServiceFaq, (f) => f.service)
  faqs?: ServiceFaq[];
}

@Entity('service_features')
export class ServiceFeature {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_service_features_service')
  @Column({ type: 'int' })
  serviceId!: number;

  @ManyToOne(() => Service, (s) => s.features, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'serviceId' })
  service?: Service;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

@Entity('service_faqs')
export class ServiceFaq {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('IDX_service_faqs_service')
  @Column({ type: 'int' })
  serviceId!: number;

  @ManyToOne(() => Service, (s) => s.faqs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'serviceId' })
  service?: Service;

  @Column({ type: 'varchar', length: 300 })
  question!: string;

  @Column({ type: 'text' })
  answer!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
