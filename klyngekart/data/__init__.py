"""Loading, validation and derivation of the curated dataset in data/."""

from klyngekart.data.load import DATA_DIR, Dataset, Release, load_dataset
from klyngekart.data.validate import DataError, Problem

__all__ = ["DATA_DIR", "DataError", "Dataset", "Problem", "Release", "load_dataset"]
