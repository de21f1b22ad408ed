import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/** The app's data provider (react-admin's one, with this API's extra calls), from context. */
export function useAppDataProvider(): AppDataProvider {
  return useDataProvider() as unknown as AppDataProvider;
}
