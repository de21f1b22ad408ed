import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A blog post; public once published and its publication date has come. Body is Markdown. */
@Entity('posts')
@Index('IDX_posts_published_at', ['published', 'publishedAt'])
export class Post {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Index('UQ_posts_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  excerpt!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'int', nullable: true })
  imageMediaId!: number | null;

  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** A portfolio entry. Description is Markdown. */
@Entity('projects')
export class Project {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Index('UQ_projects_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'int', nullable: true })
  imageMediaId!: number | null;

  @Column({ type: 'int', nullable: true })
  previewMediaId!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  @Column({ type: 'int', default: 0 })
  position!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/** A site page such as the legal texts (privacy, terms, cookies). Body is Markdown. */
@Entity('pages')
export class SitePage {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('UQ_pages_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
