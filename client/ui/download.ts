// Saves text the page fetched as a file on the player's machine: a Blob behind a temporary link with `download`.
export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next turn of the event loop; a little later is safe everywhere.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
