import type { UpdateMeRequest, UserDto } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export const updateMe = async (body: UpdateMeRequest) => (await api.patch<UserDto>('/me', body)).data;
