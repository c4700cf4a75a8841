/**
 * Whether `text` holds `word` as a whole name: not inside a longer identifier (`remove` is not
 * in `removeChild`). ASCII letters, digits, `_` and `$` count as identifier characters; any other
 * neighbour ends the name, so a name written in the source is always found (text prefilters
 * must never miss one; finding a few extra only costs the full check).
 */
export function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isNameChar(text.charCodeAt(at - 1)) && !isNameChar(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 36 // $
  );
}
