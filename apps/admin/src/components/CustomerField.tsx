import { FunctionField, ReferenceField } from 'react-admin';

interface UserLike {
  displayName?: string | null;
  username: string;
  email?: string | null;
}

export const customerLabel = (u: UserLike) => `${u.displayName || u.username}${u.email ? ` <${u.email}>` : ''}`;

/** The customer's name and e-mail (not the id), linking to the user. */
export function CustomerField({ source = 'customerId', label = 'Customer' }: { source?: string; label?: string }) {
  return (
    <ReferenceField source={source} reference="users" label={label} link="edit">
      <FunctionField render={(u: UserLike) => customerLabel(u)} />
    </ReferenceField>
  );
}
