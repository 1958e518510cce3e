import { useEffect, useState } from 'preact/hooks';
import { getFollowing, setFollowing } from '../endpoints.ts';

/** Whether the signed-in reader follows the story, and the switch. */
export function useFollow(storyId: string, userId: string | undefined): [boolean, () => void] {
  const [following, setState] = useState(false);
  // asked again only when someone else signs in
  useEffect(() => {
    if (userId)
      void getFollowing(storyId)
        .then(setState)
        .catch(() => {});
  }, [userId]);
  return [following, () => void setFollowing(storyId, !following).then(setState)];
}
