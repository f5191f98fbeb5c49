from .files import hardship_file_errors, hardship_file_save

__all__ = ["hardship_file_errors", "hardship_file_save"]
