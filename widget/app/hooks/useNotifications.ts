import { useEffect, useState } from 'preact/hooks';
import { getNotifications, markNotificationsRead } from '../endpoints.ts';
import type { Notifications } from '../types.ts';

const POLL_MS = 60_000;

const refresh = (setData: (n: Notifications) => void) =>
  void getNotifications()
    .then(setData)
    .catch(() => {});

/**
 * The bell's notifications, asked for now, whenever the story's live events say
 * readers were notified (`heard` changes), and every minute for other stories;
 * opening the list marks them read.
 */
export function useNotifications(heard: number): { data: Notifications; open: boolean; toggle: () => void } {
  const [data, setData] = useState<Notifications>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => refresh(setData), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => refresh(setData), [heard]);
  const toggle = () => {
    setOpen(!open);
    if (!open && data.unread) void markNotificationsRead().then(() => setData((d) => ({ ...d, unread: 0 })));
  };
  return { data, open, toggle };
}
