/**
 * Text a page sets in its article's flow that is not the article: ad labels, skip links, "continue reading"
 * prompts, a photo's buttons ("View photo", "Hide caption") and a picture's credit ("Photo: A. Name/Agency").
 */

/** Labels a page puts in its article's flow: an ad slot's label, a skip link, a "continue reading" prompt. */
const LABEL_RE =
  /^(?:advertisement|advert|ad|sponsored(?: content)?|skip to(?: main)? content|skip advertisement|scroll to continue(?: with content)?|story continues below(?: advertisement)?|continue reading(?: below)?)$/i;

/** A media control's label: a verb of showing and a picture, gallery or video ("View photo", "Enlarge this image"). */
const MEDIA_LABEL_RE =
  /^(?:view|see|watch|play|open|enlarge|expand|show|hide|toggle|close|download|share)(?: the| this| all| full| more)*(?: \d+)? (?:photos?|images?|pictures?|gallery|galleries|slideshows?|videos?|captions?)$/i;

/** A position in a gallery ("Image 3 of 12", "Photo 1/8"), or a caption's own label ("Image caption"). */
const MEDIA_MARK_RE = /^(?:(?:photo|image|picture|slide)s? \d+ (?:of|\/) \d+|(?:image|media|photo|video) caption|caption)$/i;

/** A credit line: "Photo:", "Photograph:", "Image:" or "Credit:" and a short name, perhaps with an agency. */
const CREDIT_LINE_RE =
  /^(?:(?:photo(?:graph)?|image|picture|illustration|video|graphic)s?(?:\s+(?:credit|source|courtesy))?|credit|source|courtesy)\s*:\s*\S/i;
const CREDIT_WORDS = 10;

/** A credit in parentheses at the end of a caption: "(Photo: A. Name)", "(Agency Photo/A. Name)". */
const TRAILING_CREDIT_RE = /\s*\((?:[^()]{0,40}\s)?(?:photo(?:graph)?|image|picture)s?(?:\s*(?:by|credit))?\s*[:/][^()]{1,60}\)$/i;

/** One part of a label block: a label, a media control or a gallery mark. */
function isLabel(part: string): boolean {
  const text = part.replace(/[.!]+$/, '');
  return LABEL_RE.test(text) || MEDIA_LABEL_RE.test(text) || MEDIA_MARK_RE.test(text);
}

/** A short block made only of labels ("Advertisement · Scroll to continue", "View photo"), or a credit line alone. */
export function isBoilerplate(text: string): boolean {
  if (text.length >= 80) return false;
  if (CREDIT_LINE_RE.test(text) && text.split(/\s+/).length <= CREDIT_WORDS && !/[.!?]["\u201d]?$/.test(text)) return true;
  return text.split(/\s*[\u00b7\u2022|\u2013\u2014:-]\s*/).every(isLabel);
}

/** A caption's text without the picture credit at its end. */
export function withoutTrailingCredit(text: string): string {
  return text.replace(TRAILING_CREDIT_RE, '');
}
