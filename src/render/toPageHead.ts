import { escapeXml } from './svg.ts';

/**
 * The start of every carepaths page, up to <body>: the Content-Security-Policy forbids every
 * network request (fonts, diagrams and script are inline), so a page opened from a shared drive
 * never reaches out.
 */
export const toPageHead = (title: string, style: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeXml(title)}</title>
<style>${style}</style>
</head>
`;
