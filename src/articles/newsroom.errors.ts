import { defineErrors } from '../shared/errors.ts';

export const newsroomErrors = defineErrors({
  ARTICLE_NOT_FOUND: { status: 404, message: 'There is no such article.' },
  ARTICLE_CONFLICT: {
    status: 409,
    message: 'Someone saved this article after you opened it; reload it to see their changes.',
  },
  SLUG_TAKEN: { status: 409, message: 'Another article already has this address (slug).' },
  SECTION_NOT_FOUND: { status: 400, message: 'Choose a section of this site.' },
  SCHEDULE_IN_PAST: { status: 400, message: 'A scheduled time must be in the future.' },
  NOT_PUBLISHED: { status: 409, message: 'Only a published article can be updated or corrected.' },
  NOT_A_LIVE_BLOG: { status: 400, message: 'This article is not a live blog.' },
  ENTRY_NOT_FOUND: { status: 404, message: 'There is no such live entry.' },
  LEAD_IMAGE_NOT_FOUND: { status: 400, message: "The lead image is not one of this site's uploaded images." },
  LEAD_IMAGE_ALT_REQUIRED: {
    status: 400,
    message: 'Describe the lead image (alternative text): readers who cannot see it depend on it.',
  },
  EMPTY_BODY: { status: 400, message: 'Write something: a headline and some text.' },
});
