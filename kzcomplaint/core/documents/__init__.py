"""The documents: templates of each kind, rendering to .docx, the writer and house style, batch export."""
