import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { MediaKind, MediaStatus } from '@pishop/shared';
import { JOB_STATUSES, JOB_TASKS, type JobStatus, type JobTask } from './media.states';

/** A stored thumbnail: the storage key, not the URL (URLs come from the storage at read time). */
export interface StoredThumbnail {
  width: number;
  height: number;
  key: string;
}

/** An uploaded image or video. Files live in the media storage under random keys. */
@Entity('media')
export class Media {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'simple-enum', enum: ['image', 'video'] })
  kind!: MediaKind;

  @Index('idx_media_status')
  @Column({ type: 'simple-enum', enum: ['processing', 'ready', 'failed'] })
  status!: MediaStatus;

  /** Sniffed from the bytes, e.g. `video/quicktime`. */
  @Column({ type: 'varchar', length: 100 })
  mime!: string;

  /** Bytes of the uploaded file. */
  @Column({ type: 'int' })
  size!: number;

  /** The served file: the re-encoded image, or the video's `*_s.mp4` once ready. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileKey!: string | null;

  /** A video's upload, kept until its preview is made (and after a failure, for a retry). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  originalKey!: string | null;

  @Column({ type: 'json', nullable: true })
  thumbnails!: StoredThumbnail[] | null;

  @Column({ type: 'int', nullable: true })
  width!: number | null;

  @Column({ type: 'int', nullable: true })
  height!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The client's file name as a label; never used for a path. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  originalName!: string | null;

  /** The uploader's user id (the token's `sub`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}

/**
 * A background job on one media item (video preview, image thumbnails). Kept in the
 * database so work survives a restart; a runner claims a job with a conditional UPDATE.
 */
@Entity('media_jobs')
@Index('idx_media_jobs_status', ['status', 'id'])
export class MediaJob {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Index('idx_media_jobs_media')
  @Column({ type: 'int' })
  mediaId!: number;

  @ManyToOne(() => Media, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mediaId' })
  media?: Media;

  @Column({ type: 'simple-enum', enum: [...JOB_TASKS] })
  task!: JobTask;

  @Column({ type: 'simple-enum', enum: [...JOB_STATUSES] })
  status!: JobStatus;

  /** The media id while the job is queued or running, else null: one open job per media (unique). */
  @Index('uq_media_jobs_active', { unique: true })
  @Column({ type: 'int', nullable: true })
  activeMediaId!: number | null;

  /** The file the job reads (the original, or the current file on a recompress). */
  @Column({ type: 'varchar', length: 255 })
  inputKey!: string;

  /** Random base name of what the job writes; the same on a rerun, so a rerun overwrites. */
  @Column({ type: 'varchar', length: 64 })
  outputBase!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** `host:pid:token` of the runner holding the job. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  heartbeatAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
