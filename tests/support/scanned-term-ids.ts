import type { Article } from '@/utils/article';
import { hitTermIds, scanArticle } from '@/utils/classify/scan';

/** The term ids of a scan of the article: what the article page's analysis hands the panel model. */
export function scannedTermIds(article: Article): string[] {
  return hitTermIds(scanArticle(article));
}
