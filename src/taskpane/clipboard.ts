/** Puts HTML and plain text on the clipboard: the async Clipboard API, else the copy event (older Office webviews). */
export type CopyToClipboard = (content: { html: string; text: string }) => Promise<void>;

export const copyToClipboard: CopyToClipboard = async ({ html, text }) => {
  const nav = globalThis.navigator as Navigator | undefined;
  if (nav?.clipboard?.write && typeof ClipboardItem !== 'undefined') {
    try {
      await nav.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return;
    } catch {
      /* refused (no permission in this webview): the copy event below */
    }
  }
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
};
