import { ErrorCodes, type MediaStatus } from '@pishop/shared';
import { stateMachine } from '../../lib/state-machine';

export const JOB_TASKS = ['video_preview', 'image_thumbnails'] as const;
export type JobTask = (typeof JOB_TASKS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Media jobs. `running → queued` is a released claim (shutdown) or a stale one (the process
 * died); `done`/`failed` are final for that job row (a recompress queues a new row).
 */
export const mediaJobStates = stateMachine<JobStatus>('media_job', {
  queued: ['running'],
  running: ['done', 'failed', 'queued'],
  done: [],
  failed: [],
}, ErrorCodes.MEDIA_JOB_INVALID_TRANSITION);

/**
 * Media items. Images start `ready`, videos `processing`; a recompress moves a ready or
 * failed item back to `processing`; a failed recompress of an item that still has a usable
 * file goes back to `ready` (with `error` set).
 */
export const mediaStates = stateMachine<MediaStatus>('media', {
  processing: ['ready', 'failed'],
  ready: ['processing'],
  failed: ['processing'],
}, ErrorCodes.MEDIA_INVALID_TRANSITION);
