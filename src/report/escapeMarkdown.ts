/**
 * Model text in Markdown is shown as written, never read as markup or HTML. An ampersand stays as
 * it is ("A&E" reads as A&E in a text editor too) unless it would start a character reference
 * (`&amp;`, `&#60;`), when a backslash keeps it literal, as CommonMark allows for any punctuation.
 */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>#|]|&(?=#?[A-Za-z0-9]+;)/g, (c) => `\\${c}`);
