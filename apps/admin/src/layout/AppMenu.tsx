import { Badge } from '@mui/material';
import MailIcon from '@mui/icons-material/Mail';
import { Menu, useResourceDefinitions } from 'react-admin';
import { useUnreadCount } from './useUnreadCount';

/** The stock menu, with the unread count on Inbox. */
export function AppMenu() {
  const resources = useResourceDefinitions();
  const unread = useUnreadCount();
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.values(resources)
        .filter((r) => r.hasList)
        .map((r) =>
          r.name === 'threads' ? (
            <Menu.Item
              key={r.name}
              to="/threads"
              primaryText={
                <Badge badgeContent={unread} color="error" max={999} aria-label={`Inbox, ${unread} unread`}>
                  <span style={{ paddingRight: unread ? 12 : 0 }}>Inbox</span>
                </Badge>
              }
              leftIcon={<MailIcon />}
            />
          ) : (
            <Menu.ResourceItem key={r.name} name={r.name} />
          ),
        )}
    </Menu>
  );
}
