import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthConfigResponse } from '@pishop/shared';
import { api } from './api-client';

/** How this shop signs people in and pays (password, Pi, reCAPTCHA, the Pi sandbox). */
export const authConfigQuery = queryOptions({
  queryKey: ['auth-config'],
  queryFn: async () => (await api.get<AuthConfigResponse>('/auth/config')).data,
  staleTime: Infinity,
});
export const useAuthConfig = () => useQuery(authConfigQuery);
