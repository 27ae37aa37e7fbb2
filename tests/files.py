"""Genuine files of each accepted kind, built in memory, and the polyglots that pass for them."""

import io

from PIL import Image
from pypdf import PdfWriter

HTML_PAGE = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>\n"


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def png_bytes():
    return image_bytes("PNG")


def jpeg_bytes():
    return image_bytes("JPEG")
