function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * What the unsubscribe link shows on a GET (RFC 8058 §3.2: a GET must not unsubscribe, since mail
 * scanners and link previews follow links): a page whose button sends the same one-click POST a mail
 * client sends, to the same signed URL.
 */
export function unsubscribeConfirmationPage(email: string, signature: string): string {
  const action = `?${new URLSearchParams({ email, sig: signature }).toString()}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
<body>
<p>Stop campaign emails to ${escapeHtml(email)}?</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>
</body></html>
`;
}

/** What the one-click POST answers (a mail client ignores it; a person who pressed the button reads it). */
export function unsubscribedPage(email: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
<body><p>${escapeHtml(email)} gets no more campaign emails.</p></body></html>
`;
}
