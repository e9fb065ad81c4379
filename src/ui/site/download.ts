/** Saves `data` (a Blob, or a data: URL) as a file named `name`, through the browser's download. */
export function download(name: string, data: Blob | string): void {
  const url = typeof data === 'string' ? data : URL.createObjectURL(data)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  // The download holds its own reference by now; an object URL only has to outlive the click.
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(url), 0)
}
