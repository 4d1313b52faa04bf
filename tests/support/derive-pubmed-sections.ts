/**
 * Body sections of a derived PubMed page: abstract, Keywords line, and the keyword-style lists
 * (publication types, MeSH, substances). DOM APIs only; markup is cloned from the real capture.
 */
import type { AbstractSection } from '../../utils/article';
import {
  ABSTRACT,
  ABSTRACT_CONTENT,
  ABSTRACT_PARAGRAPH,
  KEYWORD_BUTTON,
  KEYWORD_DROPDOWN,
  KEYWORDS_LIST_ITEM,
  MAJOR_CLASS,
  SUB_TITLE,
} from '../../utils/page/selectors';

/** PubMed prints efetch labels in sentence case ("BACKGROUND" → "Background:"). */
export function printedLabel(label: string): string {
  return label === label.toUpperCase() ? label.charAt(0) + label.slice(1).toLowerCase() : label;
}

/** Writes the abstract, one `<p>` per section, labels as `<strong class="sub-title">`. */
export function writeAbstract(doc: Document, sections: AbstractSection[]): void {
  const content = doc.querySelector(ABSTRACT_CONTENT);
  if (!content) return;
  // The capture's label markup, cloned so class and whitespace match PubMed's.
  const labelTemplate = doc.querySelector(`${ABSTRACT} ${SUB_TITLE}`)?.cloneNode(false) as
    Element | undefined;
  content.replaceChildren();
  for (const section of sections) {
    const p = doc.createElement('p');
    if (section.label && labelTemplate) {
      const strong = labelTemplate.cloneNode(false) as Element;
      strong.textContent = `${printedLabel(section.label)}:`;
      p.append(strong, doc.createTextNode(` ${section.text}`));
    } else {
      p.textContent = section.text;
    }
    content.append(p);
  }
}

/** Rewrites the "Keywords:" paragraph ("a; b; c."), or removes it when there are none. */
export function writeKeywords(doc: Document, keywords: readonly string[]): void {
  const p = Array.from(doc.querySelectorAll(ABSTRACT_PARAGRAPH)).find((el) =>
    /^\s*keywords/i.test(el.querySelector(SUB_TITLE)?.textContent ?? ''),
  );
  if (!p) return;
  if (keywords.length === 0) {
    p.remove();
    return;
  }
  const label = p.querySelector(SUB_TITLE)!;
  p.replaceChildren(label, doc.createTextNode(` ${keywords.join('; ')}.`));
}

/**
 * Fills a keyword-style section (`ul.keywords-list > li` with a trigger button and a hidden
 * dropdown) with `entries`, cloning its first item. Removes the section when `entries` is empty.
 * The dropdown's search links pointed at the template's terms, so they are dropped.
 */
export function writeListSection(
  section: Element | null,
  entries: readonly string[],
  idFor: (entry: string, index: number) => string,
): void {
  if (!section) return;
  const items = Array.from(section.querySelectorAll(KEYWORDS_LIST_ITEM));
  const template = items[0];
  const list = template?.parentElement;
  if (!template || !list || entries.length === 0) {
    section.remove();
    return;
  }
  items.forEach((li) => li.remove());
  entries.forEach((entry, i) => {
    const li = template.cloneNode(true) as Element;
    const id = idFor(entry, i);
    const button = li.querySelector(KEYWORD_BUTTON);
    if (button) {
      button.textContent = entry;
      button.setAttribute('aria-label', `Toggle dropdown menu for keyword ${entry}`);
      button.setAttribute('aria-controls', id);
      button.classList.toggle(MAJOR_CLASS, entry.includes('*'));
    }
    const dropdown = li.querySelector(KEYWORD_DROPDOWN);
    if (dropdown) {
      dropdown.id = id;
      dropdown.setAttribute('aria-label', `Dropdown menu for keyword ${entry}`);
      dropdown.querySelectorAll('a').forEach((a) => a.closest('li')?.remove());
    }
    list.append(li);
  });
}

/** Builds `div#substances` by cloning a keyword-style section (same structure, per DOM-NOTES). */
export function buildSubstancesSection(model: Element): Element {
  const section = model.cloneNode(true) as Element;
  section.id = 'substances';
  section.className = 'substances keywords-section';
  const title = section.querySelector('h2');
  if (title) title.textContent = 'Substances';
  return section;
}
