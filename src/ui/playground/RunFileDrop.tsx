import { useEffect, useState } from 'react'
import { useOpenRunFile } from '../log/useOpenRunFile.ts'
import './RunFileDrop.css'

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

/** A run file dragged over the playground opens where it is dropped; an overlay says so meanwhile. */
export function RunFileDrop() {
  const open = useOpenRunFile()
  const [over, setOver] = useState(false)
  useEffect(() => {
    // dragenter and dragleave fire for every child crossed: count them to know when the page is left.
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth += 1
      setOver(true)
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const overPage = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      // Without this the browser would open the file itself, leaving the playground.
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth = 0
      setOver(false)
      const file = e.dataTransfer?.files[0]
      if (file) void open(file)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', overPage)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', overPage)
      window.removeEventListener('drop', drop)
    }
  }, [open])
  if (!over) return null
  return (
    <div className="run-drop" aria-hidden="true">
      <p>Drop a run file to open it</p>
    </div>
  )
}
