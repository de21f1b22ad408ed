import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HomeResponse, Page, PageView, PostDetail, PostSummary, ProjectView } from '@pishop/shared';
import { api } from '../../../lib/api-client';

const get = async <T,>(url: string, params?: object) => (await api.get<T>(url, { params })).data;

export const useHome = () => useQuery({ queryKey: ['home'], queryFn: () => get<HomeResponse>('/home') });
export const usePosts = (page = 1) =>
  useQuery({ queryKey: ['posts', page], queryFn: () => get<Page<PostSummary>>('/posts', { page }), placeholderData: keepPreviousData });
export const usePost = (slug: string) =>
  useQuery({ queryKey: ['post', slug], queryFn: () => get<PostDetail>(`/posts/${encodeURIComponent(slug)}`) });
export const useProjects = (page = 1) =>
  useQuery({ queryKey: ['projects', page], queryFn: () => get<Page<ProjectView>>('/projects', { page, pageSize: 12 }), placeholderData: keepPreviousData });
export const useLegalPage = (slug: string) =>
  useQuery({ queryKey: ['page', slug], queryFn: () => get<PageView>(`/pages/${encodeURIComponent(slug)}`) });
