"""Ingest: files of any supported format -> clean, re-flowed document text."""

from .errors import IngestError
from .ocr import OcrOptions, OcrPage
from .readers import SUPPORTED, RawDocument, read_bytes, read_document, read_file
from .reflow import Reflowed, reflow

__all__ = ["IngestError", "OcrOptions", "OcrPage", "RawDocument", "SUPPORTED", "read_bytes",
           "read_document", "read_file", "Reflowed", "reflow"]
