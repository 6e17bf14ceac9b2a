#!/usr/bin/python3
# Writes small one-page PDFs of the samples' text as seeds for fuzz_pdf, with
# cairo (Debian's python3-cairo): a landscape page of each sample's table rows
# (cells wrapped in their columns) and a portrait page of its first paragraphs,
# each with a running header and a folio, as the published documents have.
# A page of text is a seed that runs fast (the originals' pages carry whole
# embedded fonts) and whose mutations reach the reader's layout of words.
# Usage: /usr/bin/python3 tests/fuzz/make-pdf-seeds.py OUT_DIR   (from the source root)
import glob
import os
import sys

import cairo

FONT_SIZE = 8
LEADING = 10


def wrap(context, text, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and context.text_extents(candidate).x_advance > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def page(path, size, title, draw):
    surface = cairo.PDFSurface(path, *size)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "2024-01-01T00:00:00Z")
    context = cairo.Context(surface)
    context.select_font_face("sans")
    context.set_font_size(FONT_SIZE)
    context.move_to(40, 24)
    context.show_text(title)
    draw(context, size)
    context.move_to(size[0] / 2, size[1] - 20)
    context.show_text("Page 1 of 1")
    surface.finish()


def table(rows):
    def draw(context, size):
        columns = max(len(r) for r in rows)
        width = (size[0] - 80) / columns
        y = 50.0
        for row in rows:
            cells = [wrap(context, cell, width - 6) for cell in row]
            height = max(len(c) for c in cells) * LEADING
            if y + height > size[1] - 40:
                return
            for i, lines in enumerate(cells):
                for j, line in enumerate(lines):
                    context.move_to(40 + i * width, y + j * LEADING)
                    context.show_text(line)
            y += height + LEADING / 2
    return draw


def prose(paragraphs):
    def draw(context, size):
        y = 50.0
        for paragraph in paragraphs:
            for line in wrap(context, paragraph, size[0] - 80):
                if y > size[1] - 40:
                    return
                context.move_to(40, y)
                context.show_text(line)
                y += LEADING
            y += LEADING / 2
    return draw


def main(out):
    os.makedirs(out, exist_ok=True)
    for sample in sorted(glob.glob("samples/*.txt")):
        name = os.path.basename(sample)[:-4]
        with open(sample, encoding="utf-8") as f:
            lines = [l.strip("\n") for l in f]
        rows = [[c.strip() for c in l.split("\t")] for l in lines if l.count("\t") >= 2]
        paragraphs = [l.strip() for l in lines if l.strip() and "\t" not in l]
        if rows:
            page(f"{out}/seed-{name}-table.pdf", (842, 595), name, table(rows[:40]))
        page(f"{out}/seed-{name}-prose.pdf", (595, 842), name, prose(paragraphs[:60]))


main(sys.argv[1])
