/** Saves a Blob as a file through a temporary object URL (nothing leaves the machine). */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.appendChild(a);
	a.click();
	a.remove();
	// Revoke once the download has started.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
