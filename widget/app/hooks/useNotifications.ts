import { useEffect, useState } from 'preact/hooks';
import { getNotifications, markNotificationsRead } from '../endpoints.ts';
import type { Notifications } from '../types.ts';

const POLL_MS = 60_000;

/** The bell's notifications, asked for now and every minute; opening the list marks them read. */
export function useNotifications(): { data: Notifications; open: boolean; toggle: () => void } {
  const [data, setData] = useState<Notifications>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const refresh = () =>
      void getNotifications()
        .then(setData)
        .catch(() => {});
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const toggle = () => {
    setOpen(!open);
    if (!open && data.unread) void markNotificationsRead().then(() => setData((d) => ({ ...d, unread: 0 })));
  };
  return { data, open, toggle };
}
