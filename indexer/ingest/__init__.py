"""Ingest: files of any supported format -> clean, re-flowed document text."""

from .errors import IngestError
from .readers import SUPPORTED, read_bytes, read_file
from .reflow import Reflowed, reflow

__all__ = ["IngestError", "SUPPORTED", "read_bytes", "read_file", "Reflowed", "reflow"]
