// The story behind a status (nguyên nhân / giải pháp / kiến nghị), shown beside it on the overview and the
// indicator page for staff; a status that asks for a story and has none reads "chưa giải trình", unless it rests
// on a figure from before the term (the base: history, for which no story is owed, as the server rules).
import { lastYearOf } from '../../../src/core/periods/period.ts';
import { STORY_STATUSES } from '../../../src/core/vocabulary.ts';
import '../entry.css';
import { useStories, type Story } from '../data/entry-queries.ts';
import { useMaybeSession } from '../data/session.tsx';
import { useAccountT } from '../i18n/account-messages.ts';

/** The current story of each target of a plan (staff only; the public portal gets none). */
export function useCurrentStories(plan: string, portal: boolean): Map<string, Story> | null {
  const user = useMaybeSession()?.user ?? null;
  const stories = useStories(plan, !portal && user !== null);
  if (portal || !user || !stories.data) return null;
  return new Map(stories.data.filter((s) => s.current).map((s) => [s.targetId, s]));
}

/** Whether a verdict resting on a figure of `period` owes a story: not when the period ends before the term. */
export function storyOwed(period: string | null | undefined, termFirstYear: number): boolean {
  if (!period) return true;
  try {
    return lastYearOf(period) >= termFirstYear;
  } catch {
    // A period outside the codes parsePeriod names (seen on the 2020–2025 plan's rows): a story is owed, as before.
    return true;
  }
}

export function StoryNote({
  status,
  story,
  full = false,
  owed = true,
}: {
  status: string;
  story: Story | undefined;
  full?: boolean;
  /** False when the verdict rests on a figure before the term (see storyOwed). */
  owed?: boolean;
}) {
  const { a, date } = useAccountT();
  if (!story) {
    return owed && (STORY_STATUSES as readonly string[]).includes(status) ? (
      <span className="story-missing" data-testid="not-explained">
        {a.notExplained}
      </span>
    ) : null;
  }
  if (!full) {
    return (
      <span className="story-note" data-testid="story-note">
        {a.storyLabel} ({story.period}): {story.cause}
      </span>
    );
  }
  return (
    <div className="story-full" data-testid="story-full">
      <h3>
        {a.storyLabel} · {story.period}
      </h3>
      <dl>
        <dt>{a.cause}</dt>
        <dd>{story.cause}</dd>
        <dt>{a.measures}</dt>
        <dd>{story.measures}</dd>
        {story.requests && (
          <>
            <dt>{a.requests}</dt>
            <dd>{story.requests}</dd>
          </>
        )}
      </dl>
      <p className="muted">{a.storyBy(story.author.name ?? '—', date(story.at))}</p>
    </div>
  );
}
