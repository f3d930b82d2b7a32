// Content-Disposition for a download with a Chinese file name: an ASCII fallback for old clients
// and the UTF-8 name in RFC 5987 form (filename*), which every current browser prefers.
export function attachment(filename: string, fallback?: string): string {
  const ascii = (fallback ?? filename).replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').replace(/^[-_.\s]+/, '') || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
