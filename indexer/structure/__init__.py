"""Structure: stored text -> outline blocks and header metadata."""

from .metadata import DocMeta, Reference, extract_metadata
from .outline import Block, label, parse_outline, public_outline, section_path

__all__ = ["Block", "DocMeta", "Reference", "extract_metadata", "label", "parse_outline", "public_outline",
           "section_path"]
