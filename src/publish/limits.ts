// GitHub's limits, in one place (research/github.md §3, §4).
export const MAX_OUTPUT_TEXT = 65_535;
export const ANNOTATIONS_PER_REQUEST = 50;
export const MAX_ANNOTATION_TITLE = 255;
export const MAX_ANNOTATION_MESSAGE = 64 * 1024 - 1;
export const MAX_COMMENT_BODY = 65_536;
export const CHECK_NAME = 'sg-review';
