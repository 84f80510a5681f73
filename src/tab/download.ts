/**
 * Saves `text` as a file through the browser's download. The file is made in the page from an
 * answer of the API; nothing is kept anywhere else.
 */
export function saveFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
