import axios, { AxiosError } from 'axios';
import type { ApiErrorBody } from '@pishop/shared';
import { env } from '../config/env';

/** The one HTTP client of the storefront. */
export const api = axios.create({ baseURL: env.VITE_API_BASE_URL, withCredentials: true });

/** A message a person can read, from any failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof AxiosError) {
    const body = error.response?.data as ApiErrorBody | undefined;
    if (body?.error?.message) return body.error.message;
    if (!error.response) return 'The server cannot be reached; check your connection.';
  }
  return 'Something went wrong; please try again.';
}
