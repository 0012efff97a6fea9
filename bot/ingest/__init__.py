"""Readers for .txt / .html / .jsonl news articles, and the pipeline that stores them."""

from bot.ingest.pipeline import ingest_paths
from bot.ingest.readers import read_paths
from bot.ingest.report import IngestReport, Rejected

__all__ = ["IngestReport", "Rejected", "ingest_paths", "read_paths"]
