import { EditGuesser, ListGuesser, ShowGuesser, type ResourceProps } from 'react-admin';

/** Resources served by /api/v1/admin; richer views replace the guessers as modules land. */
export const resources: ResourceProps[] = [
  { name: 'services', list: ListGuesser, edit: EditGuesser, show: ShowGuesser },
  { name: 'posts', list: ListGuesser, edit: EditGuesser, show: ShowGuesser },
  { name: 'projects', list: ListGuesser, edit: EditGuesser, show: ShowGuesser },
  { name: 'pages', list: ListGuesser, edit: EditGuesser, show: ShowGuesser },
];
