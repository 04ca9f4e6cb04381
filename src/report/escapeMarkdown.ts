/** Model text in Markdown is shown as written, never read as markup or HTML. */
export const escapeMarkdown = (text: string): string => text.replace(/&/g, '&amp;').replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
