import { esc } from './xml.js';

/** One alert in the index: its newest message. */
export interface AtomEntry {
  /** the entry's permanent id (a tag URI of the message) */
  id: string;
  title: string;
  summary: string;
  /** CAP category, for readers that filter */
  category: string;
  /** RFC 3339, the message's `sent` */
  updated: string;
  /** RFC 3339, when the alert's first message was sent */
  published: string;
  /** where the CAP message is */
  href: string;
}

/**
 * The index as an Atom feed (RFC 4287): one entry per current alert, linking to its newest
 * CAP message (`application/cap+xml`); earlier ones are in that message's `references`.
 */
export function atomIndex(feed: {
  url: string;
  title: string;
  author: string;
  updated: string;
  entries: readonly AtomEntry[];
}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es-AR">',
    `  <id>${esc(feed.url)}</id>`,
    `  <title>${esc(feed.title)}</title>`,
    `  <updated>${feed.updated}</updated>`,
    `  <author><name>${esc(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(feed.url)}"/>`,
    ...feed.entries.flatMap((e) => [
      '  <entry>',
      `    <id>${esc(e.id)}</id>`,
      `    <title>${esc(e.title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <published>${e.published}</published>`,
      `    <category term="${esc(e.category)}"/>`,
      `    <summary>${esc(e.summary)}</summary>`,
      `    <link rel="alternate" type="application/cap+xml" href="${esc(e.href)}"/>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
