import { describe, expect, it } from 'vitest';
import { checkFootnotes, textRuns } from './briefing-text.js';

const FIGURES = [
  { index: 1, display: '12件', numerator: 12, denominator: null },
  { index: 2, display: '85.7%', numerator: 6, denominator: 7 },
];

describe('briefing text edits', () => {
  it('accepts any wording around footnoted figures, and a rate written as its counts', () => {
    expect(
      checkFootnotes('本周我街道共受理群众反映问题12件[1]，按期结案率达85.7%[2]（6[2]件中7[2]）。', FIGURES),
    ).toBeNull();
    expect(checkFootnotes('没有注释的数字 13 件也可以写。', FIGURES)).toBeNull();
  });

  it('refuses a footnoted number changed, naming the footnote and its figure', () => {
    expect(checkFootnotes('共受理13件[1]。', FIGURES)).toMatchObject({
      code: 'briefing.figure_changed',
      params: { footnote: '1', figure: '12件' },
    });
    // 112 is not 12, though it ends with it.
    expect(checkFootnotes('共受理112[1]。', FIGURES)?.code).toBe('briefing.figure_changed');
  });

  it('refuses a footnote with no figure', () => {
    expect(checkFootnotes('共受理12件[3]。', FIGURES)).toMatchObject({
      code: 'briefing.unknown_footnote',
      params: { footnote: '3' },
    });
  });

  it('splits the text into runs and markers', () => {
    expect(textRuns('受理12件[1]，结案[2]')).toEqual([
      { text: '受理12件' },
      { footnote: 1 },
      { text: '，结案' },
      { footnote: 2 },
    ]);
  });
});
