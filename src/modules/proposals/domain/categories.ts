/**
 * The categories a district starts with: the five areas the CPPCC National Committee classes its
 * proposals by when it reports them (经济建设, 政治建设, 文化建设, 社会建设, 生态文明建设 — the
 * "五位一体" layout; docs/proposals.md cites the reports). The 提案委 edits the list from there.
 */
export const DEFAULT_PROPOSAL_CATEGORIES = ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设'] as const;

/** Sort orders step by 100, so one can be put between two without renumbering. */
export const CATEGORY_SORT_STEP = 100;
