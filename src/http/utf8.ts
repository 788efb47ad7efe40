/**
 * Request bodies are UTF-8 (JSON requires it, and every platform sends it). A body with invalid
 * bytes is refused rather than read with replacement characters, which would let a mangled body pass
 * as another one.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or null when it is not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
